using Mcs.Mocks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMocks();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMocksEndpoints();

app.Run();
