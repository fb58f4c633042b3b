#!/usr/bin/env python3
"""Generates DivisionData.swift, the GB/T 2260 division table (province, prefecture, county).

Source: python-stdnum's `stdnum/cn/loc.dat` (version 2.2), itself compiled from Wikipedia's
lists of administrative division codes (中华人民共和国行政区划代码, 1区–8区), with the years each
name was in use. English names are toneless pinyin made by ICU's Han-Latin transliterator
(`uconv -x 'Han-Latin; Latin-ASCII'`), with the usual readings of a few polyphonic place-name
characters fixed below, and the type of division translated (区 District, 县 County …). Run:

    pip install python-stdnum==2.2        # and apt-get install icu-devtools for uconv
    python3 Sources/Beian/Data/generate_divisions.py > Sources/Beian/Data/DivisionData.swift

Each output row is `code|zh|en|until`: the latest name of the code, its English form, and the
last year the code was in use ("" while it is).
"""
import os
import re
import subprocess
import stdnum

LOC = os.path.join(os.path.dirname(stdnum.__file__), "cn", "loc.dat")

# Readings ICU's Han-Latin gets wrong in place names (it reads 长 as zhang, 厦 as sha …).
# Whole names first, then single characters.
READINGS = [("番禺", "pan yu"), ("六安", "lu an"), ("六合", "lu he"), ("乐亭", "lao ting"), ("乐清", "yue qing"),
            ("铅山", "yan shan"), ("单县", "shan xian"), ("蔚县", "yu xian"), ("繁峙", "fan shi"), ("东阿", "dong e"),
            ("涡阳", "guo yang"), ("黄陂", "huang pi"), ("筠连", "jun lian"), ("犍为", "qian wei"), ("浚县", "xun xian"),
            ("洪洞", "hong tong"), ("滑县", "hua xian"), ("莎车", "sha che"), ("尉犁", "yu li"), ("枞阳", "zong yang"),
            ("阆中", "lang zhong"), ("冠县", "guan xian"), ("临朐", "lin qu"), ("中牟", "zhong mou"), ("荥经", "ying jing"),
            ("费县", "bi xian"), ("鄱阳", "po yang"), ("藁城", "gao cheng"), ("蠡县", "li xian"),
            ("长", "chang"), ("厦", "xia"), ("蚌", "beng"), ("莘", "shen"), ("都", "du")]

# Division types, longest first: Chinese suffix → English word.
TYPES = [("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("自治州", "Autonomous Prefecture"),
         ("林区", "Forestry District"), ("特区", "Special District"), ("新区", "New Area"), ("矿区", "Mining District"),
         ("地区", "Prefecture"), ("区", "District"), ("县", "County"), ("市", "City"), ("旗", "Banner"), ("盟", "League")]

# Names that stand for a group of divisions, not a place: shown without a name of their own.
GROUPS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位"}


def parse():
    rows = {}
    province = None
    with open(LOC, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if not line.startswith(" "):
                province = line.split()[0]
                continue
            code, rest = line.strip().split(" ", 1)
            names = re.match(r'county="(.*)"', rest).group(1)
            latest = names.split(",")[-1]
            m = re.match(r"\[(\d*)-(\d*)\](.*)", latest)
            until, name = (m.group(2), m.group(3)) if m else ("", latest)
            rows[province + code] = (name, until)
    return rows


def pinyin(stems):
    text = "\n".join(stems)
    for chinese, reading in READINGS:
        text = text.replace(chinese, " " + reading + " ")
    out = subprocess.run(["uconv", "-x", "Han-Latin; Latin-ASCII"], input=text, capture_output=True,
                         text=True, check=True).stdout
    result = []
    for line in out.split("\n")[: len(stems)]:
        syllables = line.split()
        word = ""
        for s in syllables:
            if word and s[0] in "aeo":
                word += "'"
            word += s
        result.append(word[:1].upper() + word[1:])
    return result


# Peoples named in autonomous divisions' names (黔东南苗族侗族自治州 → 黔东南).
PEOPLES = sorted("苗 侗 土家 回 藏 彝 壮 布依 满 蒙古 维吾尔 哈萨克 朝鲜 白 哈尼 傣 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 "
                 "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
                 "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 黎 瑶 各".split(), key=len, reverse=True)


def strip_peoples(stem):
    changed = True
    while changed and stem.endswith("族"):
        changed = False
        for people in PEOPLES:
            if stem.endswith(people + "族") and len(stem) > len(people) + 1:
                stem, changed = stem[: -len(people) - 1], True
                break
    return stem


def english(rows):
    stems, types = [], []
    for code, (name, _) in rows.items():
        kind = ""
        stem = name
        for suffix, word in TYPES:
            if name.endswith(suffix) and len(name) > len(suffix):
                stem, kind = name[: -len(suffix)], word
                break
        if kind == "City" and code.endswith("00"):  # prefecture-level cities go by their name alone
            kind = ""
        stem = strip_peoples(stem)
        stems.append(stem)
        types.append(kind)
    names = pinyin(stems)
    result = {}
    for (code, (name, _)), stem_en, kind in zip(rows.items(), names, types):
        if name in GROUPS or code.endswith("0000"):
            result[code] = ""
        else:
            result[code] = (stem_en + " " + kind).strip()
    return result


def main():
    rows = parse()
    en = english(rows)
    print("// Generated by generate_divisions.py from python-stdnum 2.2 `cn/loc.dat` (GB/T 2260 codes and")
    print("// names from Wikipedia's lists of division codes); English: ICU Han-Latin pinyin. Do not edit by hand.")
    print()
    print("extension DivisionTable {")
    print("    /// `code|zh|en|until` per line, in code order.")
    print('    static let data = """')
    for code in sorted(rows):
        name, until = rows[code]
        print(f"{code}|{name}|{en[code]}|{until}")
    print('"""')
    print("}")


main()
