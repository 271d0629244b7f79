#!/usr/bin/env python3
"""Chinese newspaper-like pages printed from HTML by headless Chromium, with ground truth.

Each page is written twice: set in Noto CJK (which Chromium prints as Type 3 fonts with a flipped
font matrix) and set in WenQuanYi Zen Hei (printed as a CID TrueType font), so that Galley's reading
of the two can be compared (issue 14). For every page OUT/NAME.pdf and OUT/NAME.json are written; the
JSON is ground truth in the format of ../shared/devset/README.md, which `galley eval OUT` scores.

How the truth is made: the page's HTML is generated here, so every article's headline, paragraphs and
their order are known. The line boxes come from Chromium itself: a script in the page measures every
character of every headline, paragraph and furniture item (Range.getClientRects), groups the characters
into lines (a new line where a character starts left of the previous one's end or on another row), and
writes the lines into the DOM, which `--dump-dom` prints. The page has a fixed size in points with
@page margins of zero, so the screen layout measured is the print layout (CSS px × 0.75 = pt); the
script checks this against `pdftotext -bbox` where it is installed (on the TrueType pages; pdftotext
misreads the lines of the Type 3 pages itself, which is issue 14's very problem, so its share there
says nothing of the truth).

The TrueType face is not installed system-wide: a font added to the machine's fontconfig changes
what Pango picks elsewhere (it moved lines of the English samples, failing SamplesTests). The script
fetches the Debian package fonts-wqy-zenhei with `apt-get download` into a cache folder
(~/.cache/galley-fonts, or $GALLEY_FONT_CACHE), unpacks it there with `dpkg -x`, and hands Chromium a
fontconfig file of its own that adds that folder.

usage: scripts/make-browser-pages.py OUT [--pages N] [--chromium PATH]
"""
import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

# Sentences of made-up local news, recombined into paragraphs with a fixed seed.
SENTENCES = [
    "近日，市政府召开专题会议，研究部署今年夏季防汛准备工作。",
    "会议强调，要坚持人民至上、生命至上，把确保人民群众生命财产安全放在第一位。",
    "各区县要对河道、水库、山塘进行全面排查，发现隐患立即整改到位。",
    "据了解，今年以来全市共投入资金三点二亿元，完成堤防加固工程四十七处。",
    "气象部门预计，入汛后全市降雨量较常年偏多两成左右，局地可能出现极端强降雨。",
    "市应急管理局相关负责人表示，将进一步完善预警信息发布机制，做到提前预警、提前转移。",
    "在城区，排水部门对低洼易涝点逐一建立台账，配备移动泵车和抢险物资。",
    "社区工作人员走访独居老人和困难家庭，帮助制定应急避险方案。",
    "新建的城市公园日前正式对市民开放，园内绿地面积超过十二万平方米。",
    "公园设计充分利用原有地形和水系，保留了大量古树和湿地景观。",
    "周末前来游玩的市民络绎不绝，不少家庭带着孩子在草坪上野餐、放风筝。",
    "园区管理处介绍，公园还设置了健身步道、儿童游乐区和自然科普馆。",
    "下一步，将根据市民意见继续完善停车、餐饮和公共厕所等配套设施。",
    "本届农产品展销会吸引了来自全省各地的三百余家企业参展。",
    "展会现场，特色水果、茶叶、菌菇等产品琳琅满目，前来采购的客商络绎不绝。",
    "主办方介绍，展会期间达成合作意向金额超过五亿元，创历届新高。",
    "不少农户通过直播带货的方式，把家乡的好产品卖到了全国各地。",
    "业内人士认为，品牌化和标准化是农产品走向更大市场的关键。",
    "市教育局发布消息，今年秋季全市将新增中小学学位一万二千个。",
    "新建和改扩建的学校大多位于人口快速增长的新城区，将有效缓解入学压力。",
    "教育部门同时加大教师招聘力度，计划面向社会公开招聘教师八百名。",
    "家长们普遍表示，家门口就能上好学校，是大家最关心的事情。",
    "地铁三号线二期工程近日实现全线贯通，预计年底开通试运营。",
    "线路全长十八公里，设车站十二座，连接老城区与高铁新区。",
    "施工单位采用多项新技术，确保了穿越河道和老旧建筑群段的施工安全。",
    "建成通车后，从市中心到高铁站的时间将缩短至二十五分钟以内。",
    "街道组织志愿者开展垃圾分类宣传活动，向居民发放宣传手册两千余份。",
    "活动现场，工作人员通过有奖问答、互动游戏等方式普及分类知识。",
    "目前，辖区内垃圾分类覆盖率已达百分之九十五以上。",
    "医院新开设的夜间门诊为上班族提供了便利，日均接诊患者一百余人次。",
]

HEADLINES = [
    "全市全面部署夏季防汛准备工作",
    "城市新公园正式开放迎客",
    "农产品展销会成交创新高",
    "秋季新增中小学学位一万二千个",
    "地铁三号线二期工程全线贯通",
    "垃圾分类宣传走进社区",
    "夜间门诊方便上班族就医",
    "老旧小区改造惠及万户居民",
]

FACES = {
    # name: (body family, headline family)
    "noto": ('"Noto Serif CJK SC"', '"Noto Sans CJK SC"'),
    "ttf": ('"WenQuanYi Zen Hei"', '"WenQuanYi Zen Hei"'),
}

MEASURE_JS = r"""
(function () {
  var px = 0.75, out = {articles: [], furniture: []};
  function linesOf(el) {
    var lines = [], cur = null, size = parseFloat(getComputedStyle(el).fontSize);
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      var t = node.data;
      for (var i = 0; i < t.length; i++) {
        var ch = t[i], r = document.createRange();
        r.setStart(node, i); r.setEnd(node, i + 1);
        var rects = r.getClientRects();
        if (!rects.length || rects[0].width <= 0) { if (cur && /\s/.test(ch)) cur.text += ch; continue; }
        var b = rects[0];
        if (/\s/.test(ch) && ch !== '\u3000') { if (cur) cur.text += ch; continue; }
        var newLine = !cur || b.left < cur.x1 - size * 0.3 || Math.abs(b.top - cur.top) > size * 0.5;
        if (newLine) { cur = {text: '', top: b.top, x0: b.left, y0: b.top, x1: b.right, y1: b.bottom}; lines.push(cur); }
        cur.text += ch;
        cur.x0 = Math.min(cur.x0, b.left); cur.y0 = Math.min(cur.y0, b.top);
        cur.x1 = Math.max(cur.x1, b.right); cur.y1 = Math.max(cur.y1, b.bottom);
      }
    }
    return lines.map(function (l) {
      return {text: l.text.trim(), bbox: [l.x0 * px, l.y0 * px, l.x1 * px, l.y1 * px].map(function (v) { return Math.round(v * 10) / 10; })};
    });
  }
  document.querySelectorAll('[data-article]').forEach(function (a) {
    var art = {headline: null, paragraphs: [], lines: []};
    a.querySelectorAll('[data-role]').forEach(function (el) {
      var role = el.getAttribute('data-role');
      if (role === 'headline') art.headline = el.textContent;
      var para = role === 'body' ? art.paragraphs.length : null;
      if (role === 'body') art.paragraphs.push(el.textContent);
      linesOf(el).forEach(function (l) { l.role = role; if (para !== null) l.para = para; art.lines.push(l); });
    });
    out.articles.push(art);
  });
  document.querySelectorAll('[data-furniture]').forEach(function (el) {
    out.furniture.push({role: el.getAttribute('data-furniture'), text: el.textContent});
  });
  document.getElementById('truth').textContent = JSON.stringify(out);
})();
"""


def paragraph(rng, n):
    return "".join(rng.sample(SENTENCES, n))


def page_html(index, face):
    """Page `index`: a lead story across the page in four columns, two stories side by side below it
    in two columns each, a header and a folio. The same text and layout for every face."""
    rng = random.Random(1400 + index)
    body, head = FACES[face]
    # Body size and leading: ordinary, tight (the 14 pt lines), small.
    size, leading = [(10.5, 14), (12, 14), (9, 11.5)][index % 3]
    heads = rng.sample(HEADLINES, 4)
    # The first side story's headline is long enough to take two lines in half a page at 22pt.
    heads[1] = heads[1] + "　" + heads.pop()
    stories = []
    for k, (cols, paras) in enumerate([(4, 8), (2, 3), (2, 3)]):
        ps = [paragraph(rng, rng.randint(3, 5)) for _ in range(paras)]
        stories.append((heads[k], cols, ps))

    def story(k, cls):
        h, cols, ps = stories[k]
        inner = "".join(f'<p data-role="body">{html.escape(p)}</p>' for p in ps)
        return (f'<div class="story {cls}" data-article="a{k + 1}"><h1 data-role="headline">{html.escape(h)}</h1>'
                f'<div class="cols" style="column-count:{cols}">{inner}</div></div>')

    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: 842pt 1191pt; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
.page {{ width: 842pt; height: 1191pt; box-sizing: border-box; padding: 40pt 36pt; overflow: hidden;
         font-family: {body}; font-size: {size}pt; line-height: {leading}pt; color: #000; position: relative; }}
.masthead {{ display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding-bottom: 4pt;
             font-family: {head}; font-size: 11pt; line-height: 16pt; margin-bottom: 14pt; }}
h1 {{ font-family: {head}; font-weight: bold; margin: 0 0 10pt 0; }}
.lead h1 {{ font-size: 30pt; line-height: 38pt; text-align: center; }}
.side h1 {{ font-size: 22pt; line-height: 28pt; }}
.cols {{ column-gap: 16pt; column-rule: 0.5pt solid #888; text-align: justify; }}
p {{ margin: 0; text-indent: 2em; }}
.lead {{ border-bottom: 1pt solid #000; margin-bottom: 14pt; padding-bottom: 10pt; }}
.row {{ display: flex; gap: 24pt; }}
.side {{ flex: 1; min-width: 0; }}
.folio {{ position: absolute; bottom: 24pt; left: 36pt; right: 36pt; text-align: center; font-size: 9pt; }}
</style></head><body><div class="page">
<div class="masthead"><span data-furniture="header">城市晨报</span><span data-furniture="header">2026年6月{index + 1}日　星期三　第{index + 2}版</span></div>
{story(0, "lead")}
<div class="row">{story(1, "side")}{story(2, "side")}</div>
<div class="folio" data-furniture="folio">第{index + 2}版　本版编辑　王明</div>
</div>
<script type="application/json" id="truth"></script>
<script>{MEASURE_JS}</script>
</body></html>
"""


def private_fonts():
    """A fontconfig file: the system's, plus WenQuanYi Zen Hei unpacked into the cache folder."""
    cache = os.environ.get("GALLEY_FONT_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "galley-fonts")
    fonts = os.path.join(cache, "fonts-wqy-zenhei")
    if not any(f.endswith((".ttc", ".ttf")) for _, _, files in os.walk(fonts) for f in files):
        os.makedirs(cache, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["apt-get", "download", "fonts-wqy-zenhei"], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL)
            deb = next(f for f in os.listdir(tmp) if f.endswith(".deb"))
            subprocess.run(["dpkg", "-x", os.path.join(tmp, deb), fonts], check=True)
    conf = os.path.join(cache, "fonts.conf")
    with open(conf, "w") as f:
        f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                f'<include>/etc/fonts/fonts.conf</include><dir>{html.escape(fonts)}</dir>'
                f'<cachedir>{html.escape(os.path.join(cache, "fc-cache"))}</cachedir></fontconfig>\n')
    return conf


FONT_ENV = dict(os.environ)


def run_chromium(chromium, args, timeout=120):
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--hide-scrollbars", "--window-size=1123,1588"]
    return subprocess.run(base + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=timeout, check=True,
                          env=FONT_ENV).stdout


def truth_of(dom, index):
    m = re.search(r'<script type="application/json" id="truth">(.*?)</script>', dom, re.S)
    if not m or not m.group(1).strip():
        raise SystemExit("make-browser-pages: the page's measuring script left no lines")
    measured = json.loads(html.unescape(m.group(1)) if m.group(1).lstrip().startswith("{&") else m.group(1))
    articles = []
    for k, a in enumerate(measured["articles"]):
        articles.append({"id": f"a{k + 1}", "headline": a["headline"], "kicker": None, "subheadline": None,
                         "byline": None, "paragraphs": a["paragraphs"], "captions": [], "lines": a["lines"]})
    return {"page": {"width": 842, "height": 1191, "columns": 4}, "articles": articles,
            "furniture": measured["furniture"]}


def check_against_pdf(pdf, truth):
    """Share of truth lines whose text pdftotext finds, with a box within 2 pt (None without pdftotext)."""
    if not shutil.which("pdftotext"):
        return None
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], stdout=subprocess.PIPE, check=True).stdout.decode()
    lines = []
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', xml, re.S):
        words = "".join(re.findall(r">([^<]*)</word>", m.group(5)))
        lines.append(([float(m.group(i)) for i in range(1, 5)], html.unescape(words)))
    found = total = 0
    for a in truth["articles"]:
        for line in a["lines"]:
            if line["role"] != "body":
                continue
            total += 1
            x0, y0, x1, y1 = line["bbox"]
            for (b, text) in lines:
                if abs(b[0] - x0) < 2 and abs((b[1] + b[3]) / 2 - (y0 + y1) / 2) < 2 and line["text"][:4] in text:
                    found += 1
                    break
    return found / max(1, total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    if not os.access(args.chromium, os.X_OK):
        print(f"make-browser-pages: no chromium at {args.chromium}", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    FONT_ENV["FONTCONFIG_FILE"] = private_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.pages):
            for face in FACES:
                name = f"browser-{face}-{i + 1}"
                page = os.path.join(tmp, name + ".html")
                with open(page, "w", encoding="utf-8") as f:
                    f.write(page_html(i, face))
                pdf = os.path.join(args.out, name + ".pdf")
                run_chromium(args.chromium, [f"--print-to-pdf={pdf}", page])
                dom = run_chromium(args.chromium, ["--dump-dom", page]).decode("utf-8")
                truth = truth_of(dom, i)
                with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
                    json.dump(truth, f, ensure_ascii=False, indent=1)
                agree = check_against_pdf(pdf, truth)
                nlines = sum(len(a["lines"]) for a in truth["articles"])
                print(f"{name}: {nlines} lines" + ("" if agree is None else f", {agree:.0%} of body lines found by pdftotext at their box"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
