using System.Runtime.CompilerServices;

// The claims fast path (CSV splitter, span parsers, batches) is internal; its tests compare it with CsvHelper directly.
[assembly: InternalsVisibleTo("Bhyt.Tests")]
// The claims XML benchmark times the reader alone, without the warehouse, on the same batches.
[assembly: InternalsVisibleTo("Bhyt.Benchmarks")]
