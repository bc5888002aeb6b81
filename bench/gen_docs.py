#!/usr/bin/env python3
"""gen_docs.py -- synthetic documents for the benchmark (stdlib only).

    python3 bench/gen_docs.py OUTDIR [SCALE...]     (default: 1 2 4 8 16 32 64)

Writes OUTDIR/report-<N>x.hwpx and OUTDIR/report-<N>x.docx: a Korean
policy report whose body is one chapter repeated N times. A chapter holds
what real reports hold, in the proportions they hold it: outline headings
(1 / 1-1 / 1-1-1), □ ○ - bullets, ※ notes, plain tables and one with
merged cells, a footnote, statutory automatic numbering (1. 가. 1) 가)),
and a few things the rules flag (an arrow, a split sentence, a manual line
break), so every stage of `airead check` and `airead convert` has work.
The writers are samples/make_samples.py's, so the packages are the same
kind of HWPX and DOCX as the samples and just as deterministic.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "samples"))

import make_samples as ms  # noqa: E402
from make_samples import C, P, T, H, I, body, hdr, row  # noqa: E402

LISTS = dict(ms.BULLETS)
LISTS.update(ms.STATUTORY)


def chapter(k, auto_bullets):
    """Chapter k (1-based): about 2 pages of a typical report."""
    b = lambda lvl, text, *more: ms.bullet(lvl, text, *more,
                                           auto=auto_bullets)
    n = lambda lvl, text: P(("list", 2, lvl), text)
    gu = ["종로구", "중구", "용산구", "성동구", "광진구", "동대문구"]
    return [
        H(1, "%d차 년도 추진 계획" % k),
        b(1, "고령층과 장애인의 디지털 기기 활용 격차가 커지고 있음"),
        b(2, "2025년 조사 결과 70대 이상 시민의 키오스크 이용률은 38% "
             "수준이며, 전년 대비 4%p 증가하는 데 그침"),
        b(2, "공공서비스의 온라인 전환으로 정보 접근의 어려움이 늘어남"),
        b(3, "민원 신청의 62%가 온라인으로 접수되며, 모바일 신청 비율은 "
             "해마다 늘어나는 추세임"),
        I(1, "※ 출처: 서울시 디지털 역량 실태조사(2025)"),
        H(2, "교육 과정 운영"),
        body("자치구별 디지털 배움터를 운영하여 시민 누구나 가까운 곳에서 "
             "디지털 기기 활용 교육을 받을 수 있도록 한다. 교육은 기초 "
             "과정과 심화 과정으로 나누어 운영하고, 거동이 불편한 시민을 "
             "위하여 찾아가는 교육을 함께 실시한다."),
        b(1, "자치구별 디지털 배움터 50개소 운영"),
        b(2, "기초 과정과 심화 과정으로 나누어 운영함"),
        b(2, "찾아가는 교육은 복지관과 경로당을 중심으로 실시함"),
        T([hdr("과정", "대상", "인원", "기간", "예산")] +
          [row("%s 기초 과정" % g, "고령층", "%d명" % (300 + 17 * i + k),
               "3~6월", "%d백만 원" % (40 + i)) for i, g in enumerate(gu)]),
        I(1, "※ 인원은 2025년 실적을 기준으로 산정함"),
        H(2, "권역별 실적"),
        T([[C("권역", rowspan=2, header=True),
            C("교육 인원", colspan=2, header=True),
            C("비고", rowspan=2, header=True)],
           [C("계획", header=True), C("실적", header=True)],
           [C("도심권", rowspan=2), C("1,200명"), C("1,150명"), C("")],
           [C("1,000명"), C("1,080명"), C("추가 모집")],
           [C("동북권"), C("900명"), C("940명"), C("")]]),
        H(3, "세부 근거"),
        b(1, "「디지털포용법」 제12조에 따른 디지털 역량 교육 시행",
          ("fn", [body("2026년 본예산 기준임")])),
        b(2, "서울특별시 디지털 포용 조례 제5조(교육 지원)"),
        n(0, "노후 설비 교체"),
        n(1, "냉난방 설비를 우선 교체함"),
        n(1, "조명 설비는 LED로 교체함"),
        n(2, "본관은 상반기에 교체함"),
        n(0, "점검 주기 단축"),
        n(1, "월 1회에서 월 2회로 늘림"),
        H(2, "향후 계획"),
        body("신청 → 접수 → 처리 순서로 진행하며 결과는 문자로 안내함"),
        body("공공청사의 여름철 냉방 온도를 26도 이상으로 유지하고"),
        body("점심시간에는 사무실 조명을 소등하도록 하였음."),
        body("각 부서는 매월 에너지 사용량을 점검하여", ("br",),
             "그 결과를 총무과에 제출함."),
        b(1, "시민의 디지털 서비스 이용률 향상"),
        b(1, "공공서비스 접근성 개선으로 민원 처리 시간 단축"),
    ]


def report(scale, auto_bullets):
    blocks = [P("title", "2026년 시민 디지털 역량 강화 추진계획"),
              body("보고 부서: 디지털정책과 / 보고 일자: 2026년 1월 20일")]
    for k in range(1, scale + 1):
        blocks += chapter(k, auto_bullets)
    return blocks


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out = sys.argv[1]
    scales = [int(s) for s in sys.argv[2:]] or [1, 2, 4, 8, 16, 32, 64]
    os.makedirs(out, exist_ok=True)
    for s in scales:
        for fmt in ("hwpx", "docx"):
            doc = ms.Doc("report-%dx" % s, ms.meta(),
                         report(s, fmt == "docx"), LISTS)
            path = os.path.join(out, "report-%dx.%s" % (s, fmt))
            if fmt == "hwpx":
                ms.write_zip(path, ms.hwpx_package(doc, {}),
                             stored_first="mimetype")
            else:
                ms.write_zip(path, ms.docx_package(doc, {}))
            print(path)


if __name__ == "__main__":
    main()
