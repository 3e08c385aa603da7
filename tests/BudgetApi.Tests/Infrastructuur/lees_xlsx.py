"""Reads an .xlsx with openpyxl (Debian's python3-openpyxl), a reader other than the writer, and prints as JSON what the
tests check: per sheet its name, frozen pane, autofilter, column widths, and every cell's value, type and number format.
Usage: /usr/bin/python3 -I lees_xlsx.py FILE.xlsx"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.escape import unescape


def cel(c):
    waarde = c.value
    # A date cell comes back as a datetime: give it as ISO date, as the JSON has it.
    if isinstance(waarde, datetime.datetime):
        waarde = waarde.date().isoformat()
    # Text carries what XML cannot in SpreadsheetML's escape _xHHHH_ (ECMA-376 Part 1, 22.4.2.4), which Excel and
    # LibreOffice decode on reading; openpyxl leaves it to the caller and gives its own function for it.
    if isinstance(waarde, str):
        waarde = unescape(waarde)
    return {"waarde": waarde, "type": c.data_type, "opmaak": c.number_format}


werkmap = openpyxl.load_workbook(sys.argv[1])
json.dump({"bladen": [{
    "naam": blad.title,
    "bevroren": blad.freeze_panes,
    "filter": blad.auto_filter.ref,
    "breedtes": {letter: dimensie.width for letter, dimensie in blad.column_dimensions.items()},
    "rijen": [[cel(c) for c in rij] for rij in blad.iter_rows()],
} for blad in werkmap.worksheets]}, sys.stdout, ensure_ascii=False)
