namespace Bhyt.Warehouse.Dictionary;

/// <summary>A file rendered from the dictionary's source: its path under the clone's root and its content.</summary>
public sealed record GeneratedFile(string Path, string Content);
