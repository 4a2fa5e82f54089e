using System.Diagnostics;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Pipeline;

/// <summary>The steps <see cref="AnalysisPipeline"/> times when given an <see cref="IPipelineStageSink"/>.</summary>
public enum PipelineStage
{
    /// <summary>Tokenizer + sentence splitter (<see cref="TextAnalyzer.Analyze"/>).</summary>
    Tokenize,
    /// <summary>Claim extraction, plus putting the claims in position order.</summary>
    Extract,
    /// <summary>Mention to cross-article speaker.</summary>
    Resolve,
    /// <summary>Claim content to vector.</summary>
    Embed,
    /// <summary>Candidate selection, including loading a speaker's stored claims the first time the run meets the speaker.</summary>
    Candidates,
    /// <summary>Pair scoring (topic gate, then the model).</summary>
    Score,
    /// <summary>Store reads and writes per article: the already-stored check and the one-transaction save.</summary>
    Store,
}

/// <summary>
/// Receives per-stage elapsed time from <see cref="AnalysisPipeline"/> (set with
/// <see cref="PipelineOptions.StageSink"/>). Called on the pipeline's thread, and on its worker threads when
/// <see cref="PipelineOptions.Threads"/> is above 1 (so an implementation must be thread-safe then); the pipeline takes no
/// timestamps at all when no sink is set, so the hook costs nothing in normal runs.
/// </summary>
public interface IPipelineStageSink
{
    /// <summary><paramref name="stopwatchTicks"/> are <see cref="Stopwatch.GetTimestamp"/> units spent in <paramref name="stage"/>.</summary>
    void Record(PipelineStage stage, long stopwatchTicks);

    /// <summary>An article was tokenized (so a sink can count words without tokenizing again).</summary>
    void Analyzed(Article article, TokenizedText text);
}

/// <summary>
/// Sums stage times and counts words; what <c>cnlp bench</c> uses. Thread-safe: with
/// <see cref="PipelineOptions.Threads"/> above 1 the tokenize/extract/embed figures are summed over the
/// worker threads (thread-seconds, so they can exceed the wall time).
/// </summary>
public sealed class StageTimeTotals : IPipelineStageSink
{
    private readonly long[] _ticks = new long[Enum.GetValues<PipelineStage>().Length];
    private long _words;
    private int _articles;

    public long Words => Interlocked.Read(ref _words);
    public int ArticlesAnalyzed => Volatile.Read(ref _articles);

    public void Record(PipelineStage stage, long stopwatchTicks) => Interlocked.Add(ref _ticks[(int)stage], stopwatchTicks);

    public void Analyzed(Article article, TokenizedText text)
    {
        long words = 0;
        foreach (var token in text.Tokens)
            if (token.Kind == TokenKind.Word) words++;
        Interlocked.Increment(ref _articles);
        Interlocked.Add(ref _words, words);
    }

    public double Seconds(PipelineStage stage) => Interlocked.Read(ref _ticks[(int)stage]) / (double)Stopwatch.Frequency;

    internal static long Lap(IPipelineStageSink? sink, PipelineStage stage, long start)
    {
        if (sink is null) return 0;
        long now = Stopwatch.GetTimestamp();
        sink.Record(stage, now - start);
        return now;
    }

    internal static long Start(IPipelineStageSink? sink) => sink is null ? 0 : Stopwatch.GetTimestamp();
}
