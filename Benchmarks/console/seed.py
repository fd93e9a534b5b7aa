#!/usr/bin/env python3
"""Seeds a gate database for the console benchmark: 100,000 check-ins at one site over the last
seven days, 5,000 of them people inside now, the rest entries paired with their exits.

    Benchmarks/console/seed.py STATE/qrgate.sqlite SITE

The database must exist (any qrgate command that opens it, e.g. `qrgate token create`, makes
and migrates it). Rows are written directly with SQLite, not through the pipeline: the audit
chain of a seeded database does not verify, and it is for reading benchmarks only.
"""
import random
import sqlite3
import sys
import time
import unicodedata
import uuid

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
         "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"]


def fold(name):
    """As NameFolding.fold: marks dropped, đ→d, lower case, words joined by one space."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Mc", "Me", "Cf"))
    return " ".join(text.lower().split())


def main():
    path, site = sys.argv[1], sys.argv[2]
    rng = random.Random(20261202)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    start = sequence = db.execute("SELECT COALESCE(MAX(sequence), 0) FROM check_ins").fetchone()[0]
    now_ms = int(time.time() * 1000)
    week_ms = 7 * 86_400_000
    rows = []

    def add(direction, at_ms, person, paired=None):
        nonlocal sequence
        sequence += 1
        name = f"{FAMILY[person % 16]} {MIDDLE[(person // 16) % 10]} {GIVEN[(person // 160) % 25]}"
        check_in_id = str(uuid.UUID(int=rng.getrandbits(128)))
        rows.append((check_in_id, sequence, "gate-" + str(1 + person % 3), site, direction, at_ms, 0, 1, "", "vaccination", 1, "VN", "2/2",
                     "2021-09-01", None, "admit", "[]", "VN-1.0.0", paired, f"id:{person:012d}", f"{person:012d}", name, fold(name),
                     f"19{50 + person % 50}-0{1 + person % 9}-15", "seed", "seed", "seed"))
        return check_in_id

    people = []
    for person in range(47_500):
        entered = now_ms - rng.randrange(week_ms)
        people.append((entered, person, False))
    for person in range(47_500, 52_500):
        people.append((now_ms - rng.randrange(week_ms), person, True))
    events = []
    for entered, person, inside in people:
        events.append((entered, "entry", person))
        if not inside:
            events.append((min(now_ms - 1000, entered + rng.randrange(1, 8 * 3_600_000)), "exit", person))
    events.sort()
    open_entries = {}
    for at_ms, direction, person in events:
        if direction == "entry":
            open_entries[person] = add("entry", at_ms, person)
        else:
            add("exit", at_ms, person, open_entries.pop(person))
    db.executemany(
        """INSERT INTO check_ins (id, sequence, gate, site, direction, recorded_at_ms, boot_ns, clock_synced, flags, credential_kind,
           credential_verified, credential_issuer, credential_doses, credential_event_date, credential_valid_until, decision, reasons,
           rule_set_version, paired_entry_id, subject_key, subject_id_number, subject_name, subject_name_folded, subject_birth_date,
           personal_digest, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows)
    db.commit()
    print(f"seeded {sequence - start} check-ins, {len(open_entries)} inside", file=sys.stderr)


if __name__ == "__main__":
    main()
