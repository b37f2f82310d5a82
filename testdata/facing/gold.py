# Usage: python3 gold.py CORPUS/govwide testdata/gold/tables-govwide
# Gold cells of an original corpus page from pdftotext -bbox (never from budgetdoc):
# columns from header word centres, numbers to the nearest column centre (midpoint
# boundaries), label fragments (x < labx) to the nearest number row by y.
import sys, re, json, subprocess, html
def words(pdf, page):
    out = subprocess.run(['pdftotext','-bbox','-f',str(page),'-l',str(page),pdf,'-'],capture_output=True,text=True).stdout
    ws=[]
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
        ws.append([float(m[1]),float(m[2]),float(m[3]),float(m[4]),html.unescape(m[5])])
    return ws
NUM=re.compile(r'^-?[\d,]+(\.\d+)?$')
def build(pdf, page, hdr_y, body_y, labx, leaves, groups, cut, percent):
    """leaves: list of (name, xcentre); groups: list of (name, xmin, xmax) or []"""
    ws=words(pdf,page)
    body=[w for w in ws if body_y[0]<=w[1]<=body_y[1]]
    nums=sorted([w for w in body if w[0]>=labx and NUM.match(w[4])], key=lambda w:(round(w[1],0),w[0]))
    # merge glyph runs split by pdftotext (gap < 1pt on the same line)
    merged=[]
    for w in nums:
        if merged and abs(merged[-1][1]-w[1])<0.5 and 0<=w[0]-merged[-1][2]<1.0:
            merged[-1][2]=w[2]; merged[-1][4]+=w[4]
        else: merged.append(list(w))
    rows={}
    for w in merged:
        y=round(w[1],1); rows.setdefault(y,[]).append(w)
    ys=sorted(rows)
    labs={y:[] for y in ys}
    for w in body:
        if w[0]<labx and not NUM.match(w[4]):
            yc=(w[1]+w[3])/2
            y=min(ys,key=lambda r:abs((r+ (rows[r][0][3]-rows[r][0][1])/2)-yc))
            labs[y].append(w)
    bounds=[(leaves[i][1]+leaves[i+1][1])/2 for i in range(len(leaves)-1)]
    def col(xc):
        i=0
        while i<len(bounds) and xc>bounds[i]: i+=1
        return i
    out={1:[],2:[]}
    for y in ys:
        label=''.join(w[4] for w in sorted(labs[y],key=lambda w:(w[1],w[0])))
        label=re.sub(r'\s+','',label)
        seen=set()
        for w in rows[y]:
            xc=(w[0]+w[2])/2; j=col(xc)
            assert j not in seen,(label,w); seen.add(j)
            name,cx=leaves[j]
            path=name
            for g,a,b in groups:
                if a<=cx<=b: path=g+'/'+name
            c={'row':label,'column':path,'value':w[4]}
            if name in percent: c['kind']='percent'
            out[1 if cx<cut else 2].append(c)
    return out


def save(gd, fixture, src, page, title, code, units, out, cut, notes):
    tables = []
    for p in (1, 2):
        tables.append({'title': title, 'code': code, 'unit': units[p-1], 'page': p, 'kind': '', 'cells': out[p]})
    d = {'file': 'facing/'+fixture, 'fixture': True,
         'coverage': 'pages 1 and 2 (the two halves of %s p%d)' % (src, page),
         'method': ('cells read by testdata/facing/gold.py from pdftotext -bbox of the ORIGINAL page %s p%d (never from '
                    'budgetdoc output): columns from the header words, each number assigned to the column whose centre is '
                    'nearest its centre, label lines to the number row nearest them, wrapped labels joined; page 1 holds '
                    'the columns left of the cut at x=%d, page 2 the columns right of it, every cell named by its row label '
                    'as printed on the original page; checked by eye against pdftotext -layout of the original page')
                   % (src, page, cut),
         'notes': notes, 'tables': tables}
    with open(gd+'facing_'+fixture.replace('.pdf', '.json'), 'w') as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(fixture, len(out[1]), len(out[2]))


if __name__ == '__main__':
    import collections
    G = sys.argv[1].rstrip('/')+'/'           # corpus/govwide
    GD = sys.argv[2].rstrip('/')+'/'          # testdata/gold/tables-govwide
    # A. dongguan_2025 p58: one header row; labels end at x≈60, numbers start at 63.7
    D = G+'dongguan_2025_govwide_budget_report.pdf'
    ws = words(D, 58)
    leaves = [(w[4], (w[0]+w[2])/2) for w in sorted(w for w in ws if 114 < w[1] < 115 and w[0] > 63)]
    out = build(D, 58, None, (120, 560), 63, leaves, [], 640, set())
    rows = collections.Counter(c['row'] for c in out[1]+out[2])
    assert all(v == 36 for v in rows.values()), rows
    save(GD, 'dongguan_2025_p58_spread.pdf', 'dongguan_2025_govwide_budget_report.pdf', 58,
         '2026年东莞市一般公共预算税收返还和转移支付表（按项目分地区列示）', '表6', ['', '万元'], out, 640,
         ['the title is on page 1; 表6 and 单位：万元 on page 2, which has no row labels'])
    # B, C. chaoyang_2025 p70: group headers at y≈148, leaf headers stacked over two lines
    C = G+'chaoyang_2025_govwide_budget_report.pdf'
    ws = words(C, 70)
    cols = []
    for w in sorted((w for w in ws if 165 < w[1] < 200 and w[0] > 170), key=lambda w: (w[1], w[0])):
        for c in cols:
            if w[0] < c[2] and w[2] > c[0]:
                c[4].append(w)
                c[0], c[2] = min(c[0], w[0]), max(c[2], w[2])
                break
        else:
            cols.append([w[0], 0, w[2], 0, [w]])
    leaves = [(''.join(x[4] for x in sorted(c[4], key=lambda x: x[1])), (c[0]+c[2])/2) for c in sorted(cols)]
    groups = [('一般公共预算收入', 170, 488), ('一般公共预算支出', 488, 842)]
    out = build(C, 70, None, (210, 540), 170, leaves, groups, 690, {'完成调整预算%', '同比增减%'})
    rows = collections.Counter(c['row'] for c in out[1]+out[2])
    assert all(v == 10 for v in rows.values()), rows
    save(GD, 'chaoyang_2025_p70_spread.pdf', 'chaoyang_2025_govwide_budget_report.pdf', 70,
         '全市2025年分地区一般公共预算收支执行情况表', '', ['', '万元'], out, 690,
         ['the title and both group headers are on page 1; 单位：万元 on page 2, which has no row labels; '
          'the group header 一般公共预算支出 of page 2\'s two columns is printed on page 1 only'])
    save(GD, 'chaoyang_2025_p70_spread_labelled.pdf', 'chaoyang_2025_govwide_budget_report.pdf', 70,
         '全市2025年分地区一般公共预算收支执行情况表', '', ['', ''], out, 690,
         ['the title and both group headers are on page 1; page 2 repeats the 地区 label column beside the last two '
          'columns and has no title and no unit; no 单位 is printed on either page (the original\'s 单位：万元 was cut '
          'away with the title band)'])
