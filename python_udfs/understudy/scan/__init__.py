"""Scan a database for personal data and propose how to tag and mask each column."""
