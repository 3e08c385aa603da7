"""What a process's RSS is made of, from /proc/PID/smaps (bench/soak.sh): python3 bench/geheugen.py PID.

Prints five numbers in MiB: RSS, the .NET GC's regions (the largest anonymous reservation: the GC reserves its address space
for regions in one range of hundreds of GiB and commits regions inside it), JIT-compiled code (the runtime maps it twice
through /memfd:doublemapper, W^X), other anonymous memory (glibc malloc: SQLite's page caches, native buffers; thread
stacks; the runtime's own heaps), and file-backed pages (the .dll and .so files). SQLite databases would show as files:
the service reads them without mmap (docs/reliability.md, "Soak").
"""
import re
import sys

groepen = []  # [begin, end, name, rss KiB]; adjacent anonymous mappings form one reservation
for regel in open(f"/proc/{sys.argv[1]}/smaps"):
    m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$", regel)
    if m:
        begin, eind, naam = int(m[1], 16), int(m[2], 16), m[3].strip()
        if naam == "" and groepen and groepen[-1][2] == "" and groepen[-1][1] == begin:
            groepen[-1][1] = eind
        else:
            groepen.append([begin, eind, naam, 0])
    elif regel.startswith("Rss:"):
        groepen[-1][3] += int(regel.split()[1])

gc = max((g for g in groepen if g[2] == ""), key=lambda g: g[1] - g[0])
jit = sum(g[3] for g in groepen if "doublemapper" in g[2])
bestanden = sum(g[3] for g in groepen if g[2].startswith("/") and "doublemapper" not in g[2])
totaal = sum(g[3] for g in groepen)
print(*(round(x / 1024) for x in (totaal, gc[3], jit, totaal - gc[3] - jit - bestanden, bestanden)))
