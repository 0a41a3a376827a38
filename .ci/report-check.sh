#!/usr/bin/env bash
# The mid-term report, to look at: build the demo database, export the DOCX and XLSX with the CLI,
# convert both with LibreOffice in a Vietnamese locale, check the PDF text for the letterhead, the
# national motto, the number, the title, the headline "7/8", "2.986" and "11,54", and render every
# page to PNG (screenshots/report-check/). Not run by CI: e2e/report-libreoffice.test.ts (in npm test)
# checks the same files more strictly, against the dashboard API and reference page images.
# Needs: libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils, fonts-liberation2, and the
# vi_VN.UTF-8 locale. Exits non-zero on the first thing missing.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "report-check: $tool is missing (apt: libreoffice-*-nogui, poppler-utils)" >&2; exit 1; }
done
locale -a | grep -qi '^vi_VN\.utf-\?8$' || { echo "report-check: the vi_VN.UTF-8 locale is not generated" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DATA_DIR="$work/data"
out="screenshots/report-check"
rm -rf "$out"
mkdir -p "$out"

npm run -s cli -- seed-demo
npm run -s cli -- export --term 1 --format docx --out "$work/bao-cao.docx"
npm run -s cli -- export --term 1 --format xlsx --out "$work/bao-cao.xlsx"

status=0
check() { # file, label, needle
  if grep -qF -- "$3" "$1"; then
    echo "report-check: $2 contains “$3”"
  else
    echo "report-check: FAIL — $2 lacks “$3”" >&2
    status=1
  fi
}
# One at a time (both would be named bao-cao.pdf), with a private LibreOffice profile so that another
# soffice running on the machine does not take the job.
for kind in docx xlsx; do
  mkdir -p "$work/$kind"
  LC_ALL=vi_VN.UTF-8 soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
    --convert-to pdf --outdir "$work/$kind" "$work/bao-cao.$kind" >/dev/null 2>&1
  pdf="$work/$kind/bao-cao.pdf"
  if [ ! -s "$pdf" ]; then
    echo "report-check: FAIL — LibreOffice did not convert bao-cao.$kind" >&2
    exit 1
  fi
  # The report's text with line breaks undone (a title may wrap across lines).
  pdftotext -enc UTF-8 "$pdf" - | tr '\n' ' ' | tr -s ' ' >"$work/$kind.txt"
  check "$work/$kind.txt" "$kind" "HỘI LHPN TỈNH BÌNH THUẬN"
  check "$work/$kind.txt" "$kind" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  check "$work/$kind.txt" "$kind" "Số: 45/BC-HPN"
  check "$work/$kind.txt" "$kind" "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận"
  check "$work/$kind.txt" "$kind" "Hoàn thành 7/8 chỉ tiêu"
  check "$work/$kind.txt" "$kind" "2.986"
  check "$work/$kind.txt" "$kind" "11,54"
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  # The DOCX in full; of the workbook, the summary and the first sheets (the raw data runs long).
  pdftoppm -png -r 60 -l "$([ "$kind" = docx ] && echo 99 || echo 3)" "$pdf" "$out/$kind-page"
  cp "$pdf" "$out/bao-cao-$kind.pdf"
  echo "report-check: $kind → $pages pages, PNG in $out/"
done
exit $status
