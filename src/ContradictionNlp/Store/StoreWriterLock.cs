namespace ContradictionNlp.Store;

/// <summary>
/// One writer per store at a time, across processes: an exclusive lock on "&lt;store&gt;.lock"
/// held for a whole analysis run. The operating system releases it when the holder exits or is
/// killed, so a crash never leaves the store locked (the file itself stays and is harmless).
/// </summary>
/// <remarks>
/// Why a run-long lock and not only SQLite's per-transaction lock: a run loads each speaker's
/// earlier claims once and then compares new claims against them. Two runs interleaving their
/// articles would each miss the pairs between their own new claims and the other's, and the
/// store would depend on timing. Serialised, two concurrent runs give exactly the store of the
/// same runs one after the other. Readers (cnlp claims/pairs, review) never take this lock.
/// On .NET for Linux and macOS, FileShare.None is an advisory flock; on Windows a share-mode lock.
/// </remarks>
public sealed class StoreWriterLock : IDisposable
{
    /// <summary>How often a waiting writer retries.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private StoreWriterLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>The lock file: the store's path with ".lock" appended.</summary>
    public string Path { get; }

    public static string LockPathFor(string storePath) => System.IO.Path.GetFullPath(storePath) + ".lock";

    /// <summary>
    /// Takes the lock, waiting as long as another writer holds it (calling
    /// <paramref name="waiting"/> once, before the first wait) or until <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static StoreWriterLock Acquire(string storePath, Action<string>? waiting = null, CancellationToken cancellationToken = default)
    {
        var path = LockPathFor(storePath);
        bool told = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new StoreWriterLock(file, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another writer (a missing folder or a read-only disk is not this and propagates).
                if (!told)
                {
                    waiting?.Invoke(path);
                    told = true;
                }
                cancellationToken.WaitHandle.WaitOne(RetryInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
