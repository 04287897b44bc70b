package dev.parley.extract;

/** A half-open character range [start, end) in an article's body. */
public record Span(int start, int end) implements Comparable<Span> {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public int distanceTo(Span other) {
        if (other.start >= end) {
            return other.start - end;
        }
        if (start >= other.end) {
            return start - other.end;
        }
        return 0;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
