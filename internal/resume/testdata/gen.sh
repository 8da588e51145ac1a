#!/usr/bin/env bash
# Regenerates the binary fixtures of the resume reader from their sources.
# Not run by the tests: the fixtures are committed. Needs Go, Chromium (the
# PDFs are printed by headless Chromium from the HTML in src/) and qpdf (for
# the encrypted PDFs: apt-get install qpdf).
#
#   one-column.pdf   src/one-column.html, Letter, one page
#   two-column.pdf   src/two-column.html, A4: a sidebar (contact, skills,
#                    education) left of the main column (experience)
#   two-page.pdf     src/two-page.html, Letter, two pages (the benchmark)
#   scan.pdf         a page holding only a picture of one-column.html: no text layer
#   encrypted.pdf    one-column.pdf with a user password (AES-256): unreadable
#   permissions.pdf  one-column.pdf with an owner password only (AES-128,
#                    empty user password): readable
#   objstm.pdf       one-column.pdf with object streams and a cross-reference
#                    stream (PNG predictor), as PDF 1.5 writers make them
#   resume.docx      gen/main.go, a faithful OOXML writer
#
# resume.md, resume.txt, jd-mle.md and jd-nlp.txt are written by hand.
# Chromium stamps the creation date, so the PDFs differ in bytes at each run.
set -euo pipefail
cd "$(dirname "$0")"
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
print() {
	"$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$2" "file://$PWD/src/$1" 2>/dev/null
}
print one-column.html one-column.pdf
print two-column.html two-column.pdf
print two-page.html two-page.pdf

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=816,1056 \
	--screenshot="$tmp/scan.png" "file://$PWD/src/one-column.html" 2>/dev/null
cp src/scan.html "$tmp/scan.html"
"$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--print-to-pdf="$PWD/scan.pdf" "file://$tmp/scan.html" 2>/dev/null

qpdf --encrypt applicant recruiter 256 -- one-column.pdf encrypted.pdf
qpdf --encrypt "" recruiter 128 --use-aes=y -- one-column.pdf permissions.pdf
qpdf --object-streams=generate one-column.pdf objstm.pdf

(cd ../../.. && go run ./internal/resume/testdata/gen -o internal/resume/testdata/resume.docx)
echo "fixtures written"
