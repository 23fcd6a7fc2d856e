# Spanish as written in the United States and Mexico: $1,250.50, not $1.250,50.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# Weeks start on Sunday on calendars in the United States, in Spanish too (Django's Spanish
# starts them on Monday): the date pickers and the events' "this week" (apps.events.filters).
FIRST_DAY_OF_WEEK = 0
