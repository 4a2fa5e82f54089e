using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>Which claim came first and how far apart: a change of position over months reads differently from two statements on one day.</summary>
public enum TemporalOrder { Unknown, SameDay, AFirst, BFirst }

public sealed record TemporalRelation(DateOnly? DateA, DateOnly? DateB, TemporalOrder Order, int? DaysApart);

/// <summary>A same-speaker candidate pair with its relevance, its contradiction score and its time relation.</summary>
public sealed record ScoredPair(Claim A, Claim B, float Similarity, ContradictionScore Score, TemporalRelation Time);
