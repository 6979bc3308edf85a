using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Where Quartz keeps its schedule (section <c>Scheduler:JobStore</c>). <c>memory</c>, the default, is the embedded
/// store as before: nothing outlives the process. <c>sqlserver</c> is the ADO.NET job store on SQL Server
/// (<c>quartz.jobStore.type = Quartz.Impl.AdoJobStore.JobStoreTX</c>), clustered by default so that several ETL
/// workers share one schedule: each trigger fires on one node only, and a dead node's firings are recovered by another.
/// Its tables: <c>sql/sqlserver/quartz/tables_sqlServer.sql</c>.
/// </summary>
/// <param name="Type"><c>memory</c> or <c>sqlserver</c>.</param>
/// <param name="ConnectionString">The SQL Server database holding the QRTZ_ tables (quartz.dataSource.&lt;name&gt;.connectionString).</param>
/// <param name="Clustered">quartz.jobStore.clustered; every node of a cluster needs the same scheduler name and its own instance id (generated).</param>
/// <param name="TablePrefix">quartz.jobStore.tablePrefix, default <c>QRTZ_</c>.</param>
/// <param name="SchedulerName">quartz.scheduler.instanceName: the nodes sharing a schedule share this name.</param>
/// <param name="CheckinInterval">quartz.jobStore.clusterCheckinInterval: how often a node says it is alive.</param>
public sealed record JobStoreSettings(string Type, string? ConnectionString, bool Clustered, string TablePrefix, string SchedulerName, TimeSpan CheckinInterval)
{
    public const string Memory = "memory";
    public const string SqlServer = "sqlserver";

    public static JobStoreSettings Embedded { get; } = new(Memory, null, false, "QRTZ_", "bhyt-etl", TimeSpan.FromSeconds(15));

    public bool IsPersistent => Type == SqlServer;

    /// <summary>Reads <c>Scheduler:JobStore</c> (<c>Type</c>, <c>ConnectionString</c>, <c>Clustered</c>, <c>TablePrefix</c>, <c>SchedulerName</c>, <c>CheckinIntervalSeconds</c>).</summary>
    public static JobStoreSettings From(IConfiguration jobStore)
    {
        var type = (jobStore["Type"] ?? Memory).Trim().ToLowerInvariant();
        if (type is not (Memory or SqlServer))
            throw new ArgumentException($"Scheduler:JobStore:Type '{jobStore["Type"]}': chỉ nhận '{Memory}' (mặc định, trong tiến trình) hoặc '{SqlServer}' (Quartz ADO.NET trên SQL Server).");
        var connection = jobStore["ConnectionString"];
        if (type == SqlServer && string.IsNullOrWhiteSpace(connection))
            throw new ArgumentException("Scheduler:JobStore:ConnectionString: cần chuỗi kết nối SQL Server chứa các bảng QRTZ_ (sql/sqlserver/quartz/tables_sqlServer.sql).");
        return new JobStoreSettings(type, connection, jobStore.GetValue("Clustered", true), jobStore["TablePrefix"] ?? Embedded.TablePrefix,
            jobStore["SchedulerName"] ?? Embedded.SchedulerName, TimeSpan.FromSeconds(jobStore.GetValue("CheckinIntervalSeconds", 15)));
    }

    /// <summary>Chooses the store on a Quartz builder. A persistent store keeps triggers already stored (their misfire state included) rather than replacing them at each start.</summary>
    public void Apply(IQuartzBuilder quartz)
    {
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
        if (!IsPersistent)
        {
            quartz.UseInMemoryStore();
            return;
        }
        // Replacing a stored trigger at start would recompute its next fire time from now and so forget a run the
        // downtime missed; kept as stored, the misfire handler fires it once.
        quartz.Services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        quartz.UsePersistentStore(store =>
        {
            store.UseSqlServer(ConnectionString!);
            store.UseSystemTextJsonSerializer();
            store.ConfigureStore(options => options.TablePrefix = TablePrefix);
            if (Clustered) store.UseClustering(cluster => cluster.CheckinInterval = CheckinInterval);
        });
    }
}
