using Mcs.Masterdata;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMasterdata();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMasterdataEndpoints();

app.Run();
