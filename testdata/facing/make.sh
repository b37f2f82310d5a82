#!/bin/sh
# Makes the facing-page fixtures of this directory from pages of the
# government-wide corpus by cutting each page at a column gutter, as a
# printer's spread cuts a table too wide for one page. Vector text is kept
# (pdftocairo re-sets the glyphs; glyphs outside the cut are dropped).
# Usage: sh make.sh /path/to/corpus/govwide   (needs poppler-utils, qpdf)
set -eu
G=${1:?corpus/govwide directory}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# cut SRC PAGE X Y W H OUT: the region at (X,Y) of size WxH (points, from
# the top left) as a page of its own. pdftocairo swaps -paperw/-paperh of a
# landscape source page, hence the order; -nocenter keeps the region at the
# page's corner.
cut() {
	pdftocairo -pdf -f "$2" -l "$2" -x "$3" -y "$4" -W "$5" -H "$6" -paperw "$6" -paperh "$5" -nocenter "$1" "$7"
}

# place SRC X Y W H OUT: SRC's page (one portrait page made by cut, its
# content at the top left) moved to (X,Y) on a portrait page of WxH.
place() {
	pdftocairo -pdf -x "-$2" -y "-$3" -W "$4" -H "$5" -paperw "$4" -paperh "$5" -nocenter "$1" "$6"
}

# A. dongguan_2025 p58 (表6, 36 towns, no rulings): cut after 万江 (x=640).
# Left: row labels, 28 towns and the title; right: 8 towns, 表6 and 单位.
D=$G/dongguan_2025_govwide_budget_report.pdf
cut "$D" 58 0 0 640 596 "$T/a1.pdf"
cut "$D" 58 640 0 202 596 "$T/a2.pdf"
qpdf --empty --pages "$T/a1.pdf" "$T/a2.pdf" -- dongguan_2025_p58_spread.pdf

# B. chaoyang_2025 p70 (收入 and 支出 by district): cut after 支出's
# 完成调整预算% (x=690). Left: district labels, 8 columns, the title and
# both group headers; right: 上年决算数 and 同比增减% of 支出, and 单位.
C=$G/chaoyang_2025_govwide_budget_report.pdf
cut "$C" 70 0 0 690 596 "$T/b1.pdf"
cut "$C" 70 690 0 152 596 "$T/b2.pdf"
qpdf --empty --pages "$T/b1.pdf" "$T/b2.pdf" -- chaoyang_2025_p70_spread.pdf

# C. the same chaoyang page, its right page repeating the label column
# (x 0–177, with the ruling after it) beside the last two columns, below the title and the unit
# (y ≥ 140): no title and no unit on either half of it; the left page as
# in B.
cut "$C" 70 0 140 177 456 "$T/c1.pdf"
cut "$C" 70 690 140 152 456 "$T/c2.pdf"
place "$T/c1.pdf" 0 140 329 596 "$T/c3.pdf"
place "$T/c2.pdf" 177 140 329 596 "$T/c4.pdf"
qpdf "$T/c3.pdf" --overlay "$T/c4.pdf" -- "$T/c5.pdf"
pdftocairo -pdf "$T/c5.pdf" "$T/c6.pdf"
qpdf --empty --pages "$T/b1.pdf" "$T/c6.pdf" -- chaoyang_2025_p70_spread_labelled.pdf
