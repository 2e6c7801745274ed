using Mcs.EmailListener;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEmailListener();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapEmailListenerEndpoints();

app.Run();
