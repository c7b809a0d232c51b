"""English dates as a volunteer reads them in an email or notice: the month
written out ("October 15, 2026", not Django's "Oct. 15, 2026"). Other
languages keep Django's own formats for their locale."""

DATE_FORMAT = "F j, Y"
