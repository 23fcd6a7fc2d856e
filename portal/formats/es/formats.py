# Spanish as written in the United States and Mexico: $1,250.50, not $1.250,50.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
