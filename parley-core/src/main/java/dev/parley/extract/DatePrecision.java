package dev.parley.extract;

/** Maps 1:1 to dev.parley.avro.DatePrecision (DAY, WEEK, MONTH, YEAR). */
public enum DatePrecision {
    DAY, WEEK, MONTH, YEAR
}
