"""Views of the training calendar: public pages, a volunteer's own
enrolments, calendar feeds, and the region's management pages."""
