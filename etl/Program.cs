using System.Text;
using Bhyt.Etl.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await BhytCli.RunAsync(args);
