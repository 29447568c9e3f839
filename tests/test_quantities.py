"""Quantities: digits, number words, percentages, money, units, approximators, counted nouns."""

from __future__ import annotations

from datetime import date

import pytest

from khabar import Article, analyze
from khabar.options import Options

OPTIONS = Options(analysers=("text", "times", "quantities"))
PUB = date(2021, 7, 23)

# (sentence, expected text, value, unit, approx, kind, currency, mod)
CASES = [
    ("قتل 50 شخصا في الهجوم", "50 شخصا", 50, "شخص", False, "count", None, None),
    ("استهدفت المصالح بنحو 50 هجوما", "نحو 50 هجوما", 50, "هجوم", True, "count", None, None),
    ("وأدى 1443 حاجا مناسك العمرة", "1443 حاجا", 1443, "حاج", False, "count", None, None),
    ("يوجد في العراق 2500 عسكري أميركي", "2500 عسكري", 2500, "عسكري", False, "count", None,
     None),
    ("نشرت الوزارة 2,500 جندي", "2,500 جندي", 2500, "جندي", False, "count", None, None),
    ("وصل ٢٥٠٠ جندي إلى القاعدة", "٢٥٠٠ جندي", 2500, "جندي", False, "count", None, None),
    ("بلغت الصفقة 3.5 مليار دولار", "3.5 مليار دولار", 3_500_000_000, "دولار", False, "money",
     "USD", None),
    ("شارك ألفان وخمسمئة متظاهر في المسيرة", "ألفان وخمسمئة متظاهر", 2500, "متظاهر", False,
     "count", None, None),
    ("أرسلت الحكومة ثلاثة آلاف جندي", "ثلاثة آلاف جندي", 3000, "جندي", False, "count", None,
     None),
    ("فر مليون ونصف لاجئ من البلاد", "مليون ونصف لاجئ", 1_500_000, "لاجئ", False, "count",
     None, None),
    ("خصصت الحكومة 27 مليون دولار", "27 مليون دولار", 27_000_000, "دولار", False, "money",
     "USD", None),
    ("ارتفعت الأسعار بنسبة 5% خلال الشهر", "5%", 5, "%", False, "percent", None, None),
    ("نما الاقتصاد بنسبة 3.5 في المئة", "3.5 في المئة", 3.5, "%", False, "percent", None,
     None),
    ("تراجعت البطالة إلى 20 بالمئة", "20 بالمئة", 20, "%", False, "percent", None, None),
    ("حصل المشروع على 100 مليون يورو", "100 مليون يورو", 100_000_000, "يورو", False, "money",
     "EUR", None),
    ("بلغ سعر التذكرة 500 ريال سعودي", "500 ريال سعودي", 500, "ريال", False, "money", "SAR",
     None),
    ("رصدت الوزارة مليار دينار عراقي", "مليار دينار عراقي", 1_000_000_000, "دينار", False,
     "money", "IQD", None),
    ("يمتد الطريق 10 كيلومترات", "10 كيلومترات", 10, "كيلومتر", False, "measure", None, None),
    ("يغطي المشروع مسافة 450 كيلو مترا", "450 كيلو مترا", 450, "كيلومتر", False, "measure",
     None, None),
    ("تنتج الحقول مليون برميل يوميا", "مليون برميل", 1_000_000, "برميل", False, "measure", None,
     None),
    ("صادرت الشرطة 200 طن من القمح", "200 طن", 200, "طن", False, "measure", None, None),
    ("حضر الاجتماع حوالي 300 شخص", "حوالي 300 شخص", 300, "شخص", True, "count", None, None),
    ("سقط قرابة 40 قتيلا في الاشتباكات", "قرابة 40 قتيلا", 40, "قتيل", True, "count", None,
     None),
    ("يضم التنظيم زهاء ألف مقاتل", "زهاء ألف مقاتل", 1000, "مقاتل", True, "count", None, None),
    ("نزح ما يقارب 70 ألف نازح", "ما يقارب 70 ألف نازح", 70_000, "نازح", True, "count", None,
     None),
    ("أصيب أكثر من 100 شخص", "أكثر من 100 شخص", 100, "شخص", False, "count", None,
     "MORE_THAN"),
    ("قتل ثلاثة جنود في الانفجار", "ثلاثة جنود", 3, "جندي", False, "count", None, None),
    ("اعتقلت الشرطة خمسة مسلحين", "خمسة مسلحين", 5, "مسلح", False, "count", None, None),
    ("أسقطت الدفاعات عشر طائرات مسيرة", "عشر طائرات", 10, "طائرة", False, "count", None, None),
    ("أطلقت الجماعة 15 صاروخا", "15 صاروخا", 15, "صاروخ", False, "count", None, None),
    ("وقعت سبع دول على الاتفاق", "سبع دول", 7, "دولة", False, "count", None, None),
    ("بلغت الخسائر 50 مليون جنيه مصري", "50 مليون جنيه مصري", 50_000_000, "جنيه", False,
     "money", "EGP", None),
    ("تبلغ قيمة العقد 2.5 مليار دولار أمريكي", "2.5 مليار دولار أمريكي", 2_500_000_000,
     "دولار", False, "money", "USD", None),
    ("يسكن المدينة أربعة ملايين نسمة", "أربعة ملايين نسمة", 4_000_000, "نسمة", False, "count",
     None, None),
    ("قتل 12 مدنيا في القصف", "12 مدنيا", 12, "مدني", False, "count", None, None),
    ("تبرع رجل الأعمال بـ300 ألف دولار", "300 ألف دولار", 300_000, "دولار", False, "money",
     "USD", None),
    ("بلغ عدد القتلى 35 حتى الآن", "35", 35, None, False, "count", None, None),
    ("يعيش نصف مليون شخص في المخيمات", "نصف مليون شخص", 500_000, "شخص", False, "count", None,
     None),
    ("تنتج المحطة 120 ميغاواط", "120 ميغاواط", 120, "ميغاواط", False, "measure", None, None),
    ("أصيب 7 أشخاص بجروح", "7 أشخاص", 7, "شخص", False, "count", None, None),
    ("بلغت قيمة القرض 5000 ليرة تركية", "5000 ليرة تركية", 5000, "ليرة", False, "money", "TRY",
     None),
    ("دفع 15 دولارا ثمنا للتذكرة", "15 دولارا", 15, "دولار", False, "money", "USD", None),
    ("تلقى المستشفى 1,500,000 دولار", "1,500,000 دولار", 1_500_000, "دولار", False, "money",
     "USD", None),
    ("بلغ الدين ٣٫٥ مليون دينار كويتي", "٣٫٥ مليون دينار كويتي", 3_500_000, "دينار", False,
     "money", "KWD", None),
    ("صوت 60 في المائة من الناخبين", "60 في المائة", 60, "%", False, "percent", None, None),
    ("قتل ثلاثة وعشرون شخصا", "ثلاثة وعشرون شخصا", 23, "شخص", False, "count", None, None),
    ("سجل العقد سالب 37.63 دولار", "سالب 37.63 دولار", -37.63, "دولار", False, "money", "USD",
     None),
    ("فاز المرشح بـ 718 صوتا", "718 صوتا", 718, "صوت", False, "count", None, None),
    ("تضم القائمة أحد عشر لاعبا", "أحد عشر لاعبا", 11, "لاعب", False, "count", None, None),
    ("زار المعرض 50 ألف زائر تقريبا", "50 ألف زائر تقريبا", 50_000, "زائر", True, "count",
     None, None),
    ("تبلغ مساحة الأرض 300 متر مربع", "300 متر مربع", 300, "متر مربع", False, "measure", None,
     None),
    ("هطلت أمطار بلغت 200 ملم", "200 ملم", 200, "مليمتر", False, "measure", None, None),
    ("كلف المعبر مليار و150 مليون دينار", "مليار و150 مليون دينار", 1_150_000_000, "دينار",
     False, "money", None, None),
    ("قتل 2927 على الأقل من عناصر التنظيم", "2927 على الأقل", 2927, None, False, "count",
     None, "EQUAL_OR_MORE"),
    ("تتطلب ثلاثة حسابات كلمات مرور", "ثلاثة حسابات", 3, "حساب", False, "count", None, None),
    ("خاض الفريق خمس مباريات", "خمس مباريات", 5, "مباراة", False, "count", None, None),
    ("يتنافس 718 مرشحا على 128 مقعدا", "128 مقعدا", 128, "مقعد", False, "count", None, None),
    # «الـ» before a number that counts a noun after it: an amount, not an ordinal.
    ("حافظ الفريق على فارق الـ15 نقطة عن منافسه", "15 نقطة", 15, "نقطة", False, "count", None,
     None),
    ("علقت الحكومة مبلغ الـ 200 مليون دولار المخصص للإعمار", "200 مليون دولار", 200_000_000,
     "دولار", False, "money", "USD", None),
    ("تخطى سعر البرميل حاجز الـ80 دولارا", "80 دولارا", 80, "دولار", False, "money", "USD",
     None),
    ("وأصيب 25 آخرون في الهجوم", "25", 25, None, False, "count", None, None),
    # Saudi papers print decimals fraction first, «ر» for the point: «2ر1» is 1.2.
    ("بلغ معدل النمو 2ر1 في المائة خلال الربع الأول", "2ر1 في المائة", 1.2, "%", False,
     "percent", None, None),
    ("وارتفعت الصادرات إلى 5ر12 مليار ريال", "5ر12 مليار ريال", 12_500_000_000, "ريال", False,
     "money", "SAR", None),
    # Real-news round 4: Tunisian decimals read out with «فاصل», a definite number before a
    # scale, thousands set off by dots in parentheses.
    ("يمثلن 50 فاصل 2 بالمائة من السكان", "50 فاصل 2 بالمائة", 50.2, "%", False, "percent",
     None, None),
    ("ودفع النادي ما يقارب العشرة ملايين يورو", "ما يقارب العشرة ملايين يورو", 10_000_000,
     "يورو", True, "money", "EUR", None),
    ("أحبط رجال الجمارك تهريب (320.000) حبة مخدرة", "(320.000) حبة", 320_000, "حبة", False,
     "count", None, None),
    # A model name in the same sentence as a real count.
    ("اشترت الشركة 12 طائرة بوينغ 737 الجديدة", "12 طائرة", 12, "طائرة", False, "count", None,
     None),
]

# Sentences with no quantity in them: years, dates, ordinals, definite numbers, durations.
NONE = [
    # real-news round 4: a verb, scores, model names, a phone number
    "وهو أمر أثنى عليه الوزير",
    "وخسر الفريق بثلاثة نظيفة",
    "وانتهت المباراة بفوزه بثلاثة دون رد",
    "كان ضمن طاقم رحلة أبوللو 11",
    "نفذت طائرات إف 16 الغارة",
    "وتستقبل الملاحظات عبر الفاكس ورقمه (0125739992)",
    # real-news round 3 (our own sentences): ranks, dates, hours and names
    "ويتأهل الفريق إلى دور الستة عشر",
    "تقام المسابقة في الفترة ما بين 26 إلى 28 أبريل",
    "يحذر الأطباء من التعرض للشمس من 10 أو 11 صباحا",
    "المصدر: فرانس 24/ أ ف ب",
    "وحضر الآلاف مهرجان صيف جدة 36",
    "وفاز مرشح اليمين في دائرة فرنسا 1.",
    "وفي 2008، أبرمت بغداد وواشنطن اتفاقية",
    "ولد في 23 يوليو 2021 في بغداد",
    "نصت المادة 50 من الدستور على ذلك",
    "اتفقت الدول الثلاث على البيان",
    "حكم عليه بالسجن ثماني سنوات",
    "احتفلت المدينة بالذكرى الـ50 لتأسيسها",
    "قال أحد المسؤولين إن الاجتماع انتهى",
    "يبدأ الاجتماع الساعة 15:30 بتوقيت غرينتش",
    "صدر البيان بتاريخ 23/7/2021",
    "احتلت الكويت عام 1990",
    "تجمع عشرات الجنود أمام المبنى",
    "انتهت المباراة بنتيجة 2-1",
    "نصت المادة ( 109 ) على ذلك",
    "في الدقيقة 81 سجل المهاجم",
    "أنهت الطالبة الخامسة عشرة من عمرها",
    "صدر بيان خلال الانتفاضة الأولى 1987 صادر عن الحركة",
    # A rank, a place in a row, a name with a number in it: no amount.
    "تقدمت اللاعبة المصنفة 63 عالميا إلى الدور الثاني",
    "حقق اللاعب انتصاره 18 على التوالي",
    "تأهل الفريق للمرة 11 إلى النهائي",
    "يقع القصر في الدائرة 16 في باريس",
    "أرسل رسالة إلى الرقم Mobily 737221",
    "وقالت لإذاعة فرانس 24 إنها سعيدة",
    # Scores and models, no amounts.
    "فاز اللاعب على منافسه 6-4 و7-5 في النهائي",
    "فاز الفريق 6 - 4 بركلات الترجيح",
    "سحبت الشركة سيارات من طرازي إيه 6 و إيه 7",
    "هبطت طائرة من طراز بوينغ 737 في المطار",
]


def _quantities(text: str):
    return analyze(Article(text, published=PUB), OPTIONS).quantities


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit", "approx", "kind", "currency", "mod"), CASES,
    ids=[c[1] for c in CASES])
def test_quantity_table(text, expr, value, unit, approx, kind, currency, mod):
    found = [q for q in _quantities(text) if q.text == expr]
    got = [(q.text, q.value, q.unit) for q in _quantities(text)]
    assert found, f"{expr!r} not found in {text!r}; found {got}"
    q = found[0]
    assert text[q.start:q.end] == expr
    assert q.value == pytest.approx(value)
    assert (q.unit, q.approx, q.kind, q.currency, q.mod) == (unit, approx, kind, currency, mod)


@pytest.mark.parametrize("text", NONE)
def test_no_quantity(text):
    assert _quantities(text) == []


def test_integers_stay_integers():
    (q,) = _quantities("قتل 50 شخصا")
    assert isinstance(q.value, int)


def test_quantities_are_serialised_with_added_fields():
    analysis = analyze(Article("بلغت الصفقة 3.5 مليار دولار", published=PUB), OPTIONS)
    (q,) = analysis.to_dict()["quantities"]
    assert list(q)[:7] == ["start", "end", "text", "value", "unit", "approx", "mod"]
    assert q["kind"] == "money" and q["currency"] == "USD"


def test_a_time_is_never_a_quantity():
    analysis = analyze(Article("انتشر 2500 عسكري في العراق منذ 2014", published=PUB), OPTIONS)
    assert [q.text for q in analysis.quantities] == ["2500 عسكري"]
    assert [t.value for t in analysis.times] == ["2014"]
