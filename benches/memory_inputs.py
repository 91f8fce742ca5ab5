"""Synthetic inputs for README's peak-memory figures (synthetic content, not real data).

    python3 benches/memory_inputs.py table OUT.csv BYTES      # wide table, 400 stations
    python3 benches/memory_inputs.py cnemcgz OUT.csv.gz BYTES # CNEMC site file, 1,500 stations
    python3 benches/memory_inputs.py xlsx OUT.xlsx ROWS       # one sheet, 4 columns

then `/usr/bin/time -v airdesk inspect OUT…` and read "Maximum resident set size".
"""
import gzip, io, sys, zipfile, datetime, random

def table(path, target_bytes):
    # Wide table: datetime,station,PM2.5,PM10,O3,NO2 — one row per station-hour.
    random.seed(1)
    t0 = datetime.datetime(2015, 1, 1)
    stations = [f"S{i:04d}" for i in range(400)]
    tails = [[f",{s},{random.randint(5,300)},{random.randint(10,500)},{random.randint(1,200)},{random.randint(5,120)}\n" for s in stations] for _ in range(7)]
    written = 0
    with open(path, "w", buffering=1 << 20) as f:
        f.write("datetime,station,PM2.5,PM10,O3,NO2\n")
        h = 0
        while written < target_bytes:
            stamp = (t0 + datetime.timedelta(hours=h)).strftime("%Y-%m-%d %H:00")
            chunk = "".join(stamp + rest for rest in tails[h % len(tails)])
            f.write(chunk)
            written += len(chunk)
            h += 1

def cnemc_gz(path, target_bytes):
    # CNEMC site-file layout, many days in one file, gzip-compressed.
    random.seed(2)
    codes = [f"{1001 + i}A" for i in range(1500)]
    types = ["AQI","PM2.5","PM2.5_24h","PM10","PM10_24h","SO2","SO2_24h","NO2","NO2_24h","O3","O3_24h","O3_8h","O3_8h_24h","CO","CO_24h"]
    vals = [str(v) for v in range(0, 400)]
    d0 = datetime.date(2015, 1, 1)
    bodies = [",".join(random.choice(vals) for _ in codes) + "\n" for _ in range(50)]
    written = 0
    with gzip.open(path, "wt", compresslevel=1) as f:
        f.write("date,hour,type," + ",".join(codes) + "\n")
        day = 0
        while written < target_bytes:
            d = (d0 + datetime.timedelta(days=day)).strftime("%Y%m%d")
            for hour in range(24):
                for t in types:
                    row = f"{d},{hour},{t}," + bodies[(hour * 15 + len(t) + day) % len(bodies)]
                    f.write(row)
                    written += len(row)
                    if written >= target_bytes:
                        break
                if written >= target_bytes:
                    break
            day += 1
    return written

def xlsx(path, rows):
    # One worksheet: datetime,station,PM2.5,PM10 with numbers, written as plain sheet XML.
    random.seed(3)
    t0 = datetime.datetime(2015, 1, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            w.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>datetime</t></is></c><c r="B1" t="inlineStr"><is><t>station</t></is></c><c r="C1" t="inlineStr"><is><t>PM2.5</t></is></c><c r="D1" t="inlineStr"><is><t>PM10</t></is></c></row>')
            buf = io.StringIO()
            for r in range(2, rows + 2):
                h, s = divmod(r - 2, 200)
                stamp = (t0 + datetime.timedelta(hours=h)).strftime("%Y-%m-%d %H:00")
                buf.write(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{stamp}</t></is></c><c r="B{r}" t="inlineStr"><is><t>S{s:04d}</t></is></c><c r="C{r}"><v>{random.randint(5,300)}</v></c><c r="D{r}"><v>{random.randint(10,500)}</v></c></row>')
                if r % 10000 == 0:
                    w.write(buf.getvalue().encode()); buf = io.StringIO()
            w.write(buf.getvalue().encode())
            w.write(b'</sheetData></worksheet>')

if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "table": table(sys.argv[2], int(sys.argv[3]))
    elif kind == "cnemcgz": print(cnemc_gz(sys.argv[2], int(sys.argv[3])))
    elif kind == "xlsx": xlsx(sys.argv[2], int(sys.argv[3]))
