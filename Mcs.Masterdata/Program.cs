using Mcs.Masterdata;

var command = MasterdataCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);

builder.AddServiceDefaults();
builder.AddMasterdata();

var app = builder.Build();

if (command.ImportFolder is not null)
{
    return await MasterdataCommandLine.RunImportAsync(app, command.ImportFolder);
}

app.MapDefaultEndpoints();
app.MapMasterdataEndpoints();

await app.RunAsync();
return 0;
