#!/usr/bin/env python3
"""A stand file in the project's own format, made as an analyst makes one: the CSV that /v1/bedragen exports for JenV's
ontwerpbegroting 2026 (stdin), turned into FASE with the uitgaven of artikel 31 raised by VERHOGING (x EUR 1.000) in 2026.

Usage: stand.py FASE VERHOGING < export.csv > stand.csv
"""
import csv, io, sys

fase, verhoging = sys.argv[1], int(sys.argv[2])
rijen = list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\ufeff"))))
kop = {naam: i for i, naam in enumerate(rijen[0])}
uit = csv.writer(sys.stdout, lineterminator="\r\n")
uit.writerow(rijen[0])
for rij in rijen[1:]:
    rij[kop["fase"]] = fase
    if verhoging and (rij[kop["soort"]], rij[kop["artikel"]], rij[kop["regelsoort"]], rij[kop["jaar"]]) == ("uitgaven", "31", "artikel", "2026"):
        rij[kop["bedrag"]] = str(int(rij[kop["bedrag"]]) + verhoging)
    uit.writerow(rij)
