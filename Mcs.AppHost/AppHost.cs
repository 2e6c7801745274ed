using Mcs.AppHost;
using Mcs.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var secrets = McsParameters.Add(builder);
var infra = builder.AddMcsInfrastructure(McsParameters.DemoMailbox, secrets.MailboxPassword);
var externals = builder.AddExternalSystems(infra, secrets);

var masterdata = builder.AddProject<Projects.Mcs_Masterdata>(ServiceNames.Masterdata)
    .WithServiceHttpEndpoint("Masterdata", 7101)
    .WithSharedSettings(secrets)
    .WithReference(infra.MasterdataDb).WaitFor(infra.MasterdataDb)
    .WithReference(infra.Redis).WaitFor(infra.Redis)
    .WithEnvironment("Masterdata__SeedSampleDataWhenEmpty", builder.Configuration["Mcs:Demo:SeedMasterdata"] ?? "true")
    .WithHttpHealthCheck("/health");

var orchestrator = builder.AddProject<Projects.Mcs_Orchestrator>(ServiceNames.Orchestrator)
    .WithServiceHttpEndpoint("Orchestrator", 7102)
    .WithSharedSettings(secrets)
    .WithReference(infra.OrchestratorDb).WaitFor(infra.OrchestratorDb)
    .WithReference(masterdata).WaitFor(masterdata)
    .WithEnvironment("Masterdata__BaseUrl", "http://" + ServiceNames.Masterdata)
    .WithFileStore(infra)
    .WithExternalSystems(externals)
    .WithHttpHealthCheck("/health");

var emailListener = builder.AddProject<Projects.Mcs_EmailListener>(ServiceNames.EmailListener)
    .WithServiceHttpEndpoint("EmailListener", 7103)
    .WithSharedSettings(secrets)
    .WithReference(infra.EmailListenerDb).WaitFor(infra.EmailListenerDb)
    .WithReference(orchestrator).WaitFor(orchestrator)
    .WithEnvironment("Orchestrator__BaseUrl", "http://" + ServiceNames.Orchestrator)
    .WithMailbox(infra, externals, secrets)
    .WithHttpHealthCheck("/health");

builder.PrintWhenReady(masterdata, orchestrator, emailListener);

builder.Build().Run();
