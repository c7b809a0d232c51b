"""Chinese dates as Django writes them, but a month and day without a
leading zero (1月15日, as 2027年1月15日 writes the month; Django's own
MONTH_DAY_FORMAT gives 01月15日)."""

DATE_FORMAT = "Y年n月j日"
MONTH_DAY_FORMAT = "n月j日"
