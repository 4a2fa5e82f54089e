using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Text;

public class TextSpanTests
{
    [Fact]
    public void Half_open_spans_touching_at_a_boundary_do_not_overlap()
    {
        var a = new TextSpan(0, 5);
        var b = new TextSpan(5, 9);
        Assert.False(a.Overlaps(b));
        Assert.Equal(0, a.OverlapLength(b));
        Assert.Equal(new TextSpan(0, 9), a.Union(b));
    }

    [Fact]
    public void Overlap_length_counts_shared_characters()
    {
        Assert.Equal(3, new TextSpan(2, 8).OverlapLength(new TextSpan(5, 12)));
        Assert.Equal("llo", new TextSpan(2, 5).Of("hello world"));
    }

    [Fact]
    public void Inverted_span_is_rejected_with_the_offsets_in_the_message()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 3));
        Assert.StartsWith("Invalid span [5, 3): expected 0 <= start <= end.", ex.Message);
    }
}
