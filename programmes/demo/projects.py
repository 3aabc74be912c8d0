"""Demo projects: project 60-ข-087 exactly as seed 001 shows it (with its budget warning), and a
few projects of the home-page programme in its tambons เกาะขวาง, ตะกาดเง้า and ท่าโสม.

Idempotent: a project whose code exists is left as it is (staff may have edited it since).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from sites.models import Province, Subdistrict

from ..models import (
    BudgetPeriod,
    ProblemSituation,
    Programme,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)

BANGKOK = ZoneInfo("Asia/Bangkok")
SEED_PROGRAMME = "แผนงานโซนใต้บน"
SEED_CODE = "60-ข-087"

# The rationale of seed 001, line by line as the page shows it.
SEED_RATIONALE = "\n".join(
    [
        "ทศวรรษที่ผ่านมา กระแสการตื่นตัวในเรื่องของการปฏิรูประบบสุขภาพและสุขภาวะของคนไทย กลายเป็นความเคลื่อนไหวที่เห็นอย่างชัดเจนในหมู่องค์กร หน่วยงานและบุคลากรด้านสุขภาพ ตลอดจนชุมชนที่เข้มแข็งในหลายๆพื้นที่ ก่อให้เกิดปัจจัยสำคัญประการหนึ่งที่เป็นเครื่องมือชี้ทิศทาง นโยบายและยุทธศาสตร์ เพื่อนำพาประเทศไปสู่สังคมสุขภาวะ",
        "ภาคใต้ตอนบนขับเคลื่อนสานพลังเครือข่ายฯมาตั้งแต่ ปี 55 โดยมี เครือข่ายกองทุนหลักประกันสุขภาพท้องถิ่น เครือข่ายมิตรภาพบำบัด เครือข่ายบริการสาธารณสุข สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 11 สุราษฎร์ธานี และภาคีพันธมิตรสุขภาพ จนเกิดกลไก “คณะทำงานสานพลังเครือข่ายหลักประกันสุขภาพภาคใต้ตอนบน” (ชุมพร สุราษฎร์ธานี นครศรีธรรมราช ระนอง พังงา ภูเก็ต กระบี่ ) และในห้วงปี 2559-2560 มีการขับเคลื่อนปฏิบัติการในแต่ละจังหวัดจนมีกลไกคณะทำงานระดับจังหวัด และมีกลไกระดับเขตคือ “คณะทำงานพัฒนากองทุนหลักประกันสุขภาพท้องถิ่นระดับเขต 11 ” สนับสนุนกองทุนหลักประกันสุขภาพระดับท้องถิ่น ให้เกิดระบบจัดการสุขภาพชุมชนท้องถิ่น จากความร่วมมือกับ สช. สสส. สจรส.มอ สธ. ฉะนั้นการสร้างการเรียนรู้ร่วมกันผ่านการปฏิบัติ (Interative Learning Through Action) ให้มีความสามารถรับมือกับสถานการณ์ในอนาคตได้อย่างมีประสิทธิภาพนั้น ต้องมีระบบสนับสนุนเอื้ออำนวยให้เกิดการสานงาน เสริมพลัง ยกระดับปฏิบัติการพื้นที่ร่วมกับกลไกการดำเนินงานในระดับจังหวัด อำเภอ ชุมชนท้องถิ่น สู่ความมั่นคงทางสุขภาวะ",
        "การสนับสนุนระบบสุขภาพชุมชนท้องถิ่นของ เขต 11 ที่ร่วมมือกับ สช. สสส. สจรส.มอ สธ. นั้นได้มีการพัฒนานโยบายสาธารณะเพื่อสุขภาพ โดยใช้ธรรมนูญสุขภาพพื้นที่ การสร้างสภาพแวดล้อมที่อื้อต่อสุขภาพและสร้างนวัตกรรมการสร้างเสริมสุขภาพ จากโครงการสร้างเสริมสุขภาพ สสส. การสร้างการเรียนรู้และพัฒนาศักยภาพกรรมการกองทุนสุขภาพ และภาคีเครือข่ายสุขภาพ ให้มีสามารถจัดทำโครงการเชิงรุก บริหารจัดการกองทุน รับมือกับสถานการณ์สุขภาวะในพื้นที่ได้อย่างมีประสิทธิภาพ และเสริมหนุนกลไกการดำเนินงานในระดับจังหวัด อำเภอ โดยให้คนเป็นศูนย์กลาง ยึดพื้นที่เป็นตัวตั้ง ใช้กองทุนท้องถิ่นเป็นเครื่องมือในการพัฒนาระบบสุขภาพชุมชน (ชุมชนเป็นเจ้าของกองทุนท้องถิ่น) สู่ความมั่นคงทางสุขภาพระยะถัดไป",
        "1) การจัดกลไกโครงสร้างแบบยืดหยุ่นเพื่อใช้ในการขับเคลื่อนเครือข่ายสุขภาพภาคใต้ ได้แก่",
        "คณะทำงานสนับสนุนวิชาการ (ศวสต.) คณะทำงานสานงาน เสริมพลังภาคใต้ (ผู้แทนกลุ่มเครือข่าย/พื้นที่) คณะทำงานสื่อสารเพื่อการเปลี่ยนแปลง (เครือข่ายสื่อเพื่อการสร้างเสริมสุขภาวะภาคใต้) และคณะทำงานจัดการความรู้ (มอ.) โดยยึดหลักการทำงานสามระดับการปฏิรูประบบสร้างเสริมสุขภาพ คือ “ การพึ่งตนเอง การพึ่งกันเอง พึ่งบริการ ” ประการสำคัญคือให้เกิดระบบการพึ่งกันเอง หรือ การสานงาน เสริมพลังต่อกัน ถักทอเป็นเครือข่ายการเรียนรู้ระหว่างคณะทำงานสี่ฝ่าย ระหว่างกลุ่มเครือข่ายสุขภาพในมิติต่างๆ ระหว่างพื้นที่ปฏิบัติการสร้างสุขแต่ละชุมชนท้องถิ่น หรืระดับอำเภอจังหวัดในภาคใต้",
        "2) กระบวนการขับเคลื่อนที่มีงานสร้างสุขภาคใต้ เป็นจุดรวมพลัง เติมพลัง เฉลิมฉลองความสุข",
        "แลกเปลี่ยนเรียนรู้ร่วมกัน หรือพื้นที่กลางของเครือข่ายสุขภาพภาคใต้ในแต่ละปี และในระหว่างปีนั้นมีปฏิบัติการอย่างเข้มข้น ทั้งการพัฒนาศักยภาพเพิ่มสมรรถนะการทำงานให้เกิดกระบวนทัศน์ใหม่ มีทักษะความสามารถให้เท่าทันโลกและสถานการณ์การเปลี่ยนแปลงที่ซับซ้อน เป็นพลวัต เกิดการแลกเปลี่ยนเรียนรู้ ถักทอเครือข่ายสานงาน เสริมพลังต่อกัน โดยให้มีเวทีกลุ่มเครือข่ายเชิงประเด็นควบคู่กับเวทีโซนพื้นที่ให้มีวาระหรือยุทธศาสตร์แผนงานร่วมกันทั้งในระดับชุมชนท้องถิ่น ระดับอำเภอ ระดับจังหวัด ระดับเขต มีปฏิบัติการร่วมกันตามศักยภาพของแต่ละพื้นที่ เวทีเครือข่ายระดับภาคเป็นระยะ และใช้พลังการสื่อสารเกาะติดกับปฏิบัติการของกลุ่มเครือข่าย ส่งและสื่อสารพลังความรู้จากพื้นที่สู่สังคมและสู่นโยบายสาธารณะ",
        "3) พื้นที่หรือสนามปฏิบัติการสร้างสุข กับโครงสร้างทางสังคม จุดคานงัดสำคัญใน",
        "สถานการณ์ปัจจุบันสนามปฏิบัติการระดับชุมชนท้องถิ่นหรือตำบล ซึ่งอาจจะเริ่มจากกลไกกองทุนหลักประกันสุขภาพระดับท้องถิ่น หรือกลไกอื่นที่มีศักยภาพอยู่แล้วก็ได้ อาทิ สวัสดิการชุมชน กลุ่มเครือข่ายองค์กรชุมชน คณะทำงานหรือคณะกรรมการที่มีอยู่แล้วในพื้นที่ ในระดับอำเภอ นั้นมีกลไกสำคัญคือ คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ (DHB) ใช้พลังความรู้ ความรักให้เกิดการวาระร่วมหรือยุทธศาสตร์ร่วมที่เชื่อมโยงสัมพันธ์กับชุมชนท้องถิ่น ในระดับจังหวัดใช้กลไกสมัชชาสุขภาพ หรือกลไกอื่นที่มีศักยภาพในการเชื่อมพลังกลุ่มเครือข่ายในพื้นที่ให้เกิดการเชื่อมพลังเครือข่าย มีกระบวนการนโยบายสาธารณะเพื่อสุขภาพ ในระดับกลุ่มจังหวัดหรือระดับเขต นั้นใช้กลไก คณะกรรมการเชตสุขภาพเพื่อประชาชน (กขป.) เป็นช่องทางแสวงหาความร่วมมือ ผลักดันหรือสร้างข้อเสนอเชิงนโยบายใหม่ๆ ให้เกิดแนวการปฏิบัติใหม่ บนฐานความรู้ ทั้งนี้อาจใช้กลไกอื่นที่มีศักยภาพก็ได้ เช่น คณะกรรมการหลักประกันสุขภาพแห่งชาติระดับเขต หรือ คณะกรรมการบริหารสาธารณสุขระดับเขต หรือ คณะกรรมการอื่นที่มีอยู่แล้ว",
    ]
)
# (objective, its success indicators), worded as on the seed page, typos included.
SEED_OBJECTIVES = [
    (
        "1 เพื่อสนับสนุนการพัฒนานโยบายสาธารณะและประเด็นยุทธศาสตร์สร้างเสริมสุขภาพระดับพื้นที่อำเภอและจังหวัดในภาคใต้ตอนบน",
        [
            "-มีกลไกคณะทำงานร่วมระดับจังหวัดใน 5 จังหวัด",
            "-ระบบฐานข้อมูลสถานการณ์สุขภาวะเชิงพื้นที่/เชิงประเด็น",
            "-ร่างข้อเสนอ/แผนยุทธศาสตร์เชิงประเด็น/ 5 จังหวัด ได้แก่ ชุมพร ระนอง สุราษฎร์ธานี นครศรีฯ กระบี่",
            "-มติข้อเสนอ/แผนยุทธศาสตร์เชิงประเด็น/ 5 จังหวัด ได้แก่ ชุมพร ระนอง สุราษฎร์ธานี นครศรีฯ กระบี่",
        ],
    ),
    (
        "2.เพื่่อพัฒนากลไกคณะทำงานระดับเขตและจังหวัด ให้มีขีดความสามารถในการยกระดับปฏิบัติการสร้างเสริมสุขภาพโดยใช้พื้นที่เป็นตัวตั้งในพื้นที่ภาคใต้ตอนบน",
        [
            "-เกิดการพัฒนาคณะทำงานจังหวัดและอำเภอนำร่อง",
            "-รายงานสรุปการแลกเปลี่ยนเรียนรู้/ชุดบทเรียน",
            "-จำนวนโครงการสร้างเสริมสุขภาพของกองทุนที่ได้รับการพัฒนายกระดับอย่างน้อย 30 % ของกองทุนทั้งหมด",
            "-ข้อเสนอเชิงนโยบายต่อการพัฒนาระบบสร้างเสริมสุขภาพระดับเขต",
            "-มีกลไกความร่วมมือ/สนับสนุนการทำงานของคณะทำงานระดับจังหวัด/ระดับเขต 11",
            "-นักจัดการความรู้จังหวัดละ 2 คน / รวม 14 คน",
            "-มีชุดบทเรียนความรู้การทำงานปฏิรูประบบสร้างเสริมสุขภาพในพื้นที่ 5 กรณีศึกษาชุมพร ระนอง สุราษฎร์ธานี นครศรีฯ กระบี่",
        ],
    ),
    (
        "3 เพื่่อสังเคราะห์บทเรียนจากการทำงานปฏิรูประบบสร้างเสริมสุขภาพในพื้นที่ให้เป็นข้อเสนอเชิงนโยบายต่อคณะกรรมการเขตสุขภาพเพื่อประชาชน(กขป) และภาคียุทธศาสตร์",
        [
            "-รายงานผลการดำเนิน/ระบบบันทึกออนไลน์",
            "-รายงานสรุปผลโครงการ",
        ],
    ),
]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@dataclass
class DemoProject:
    code: str
    name: str
    budget: str
    start: str
    end: str
    created: str
    periods: list  # (number, start, end, amount); the report window is the period itself
    tambons: list  # (province, sub-district or "", area type)
    objectives: list  # (objective, indicators, problem size, 1-year target)
    target_groups: list  # (name, planned, actual)
    problems: list  # (description, size)
    mentor: str = ""
    status: str = Project.Status.PUBLISHED
    coordinates: tuple | None = None
    lead_name: str = ""
    organisation: str = ""
    funding_source: str = "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)"


HOME_PROJECTS = [
    DemoProject(
        code="61-ค-001",
        name="โครงการพัฒนาระบบข้อมูลสุขภาพชุมชนตำบลเกาะขวาง",
        budget="120000.00",
        start="2018-03-01",
        end="2019-02-28",
        created="2018-02-20T09:15",
        periods=[(1, "2018-03-01", "2018-08-31", "60000.00"), (2, "2018-09-01", "2019-02-28", "60000.00")],
        tambons=[("จันทบุรี", "เกาะขวาง", ProjectLocation.AreaType.RURAL)],
        objectives=[
            (
                "เพื่อจัดทำฐานข้อมูลสุขภาพครัวเรือนของตำบลเกาะขวาง",
                "-ครัวเรือนมีข้อมูลสุขภาพครบถ้วนไม่น้อยกว่าร้อยละ 80\n-มีการคืนข้อมูลให้ชุมชนอย่างน้อย 2 ครั้ง",
                "ร้อยละ 35 ของครัวเรือนมีข้อมูล",
                "ร้อยละ 80",
            ),
            (
                "เพื่อใช้ข้อมูลวางแผนสุขภาพของตำบลร่วมกับกองทุนหลักประกันสุขภาพท้องถิ่น",
                "-มีแผนสุขภาพตำบลที่ใช้ข้อมูลจากฐานข้อมูล",
                "ยังไม่มีแผนที่ใช้ข้อมูล",
                "1 แผน",
            ),
        ],
        target_groups=[("อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)", 45, 42), ("แกนนำครัวเรือน", 300, 276)],
        problems=[("ข้อมูลสุขภาพของครัวเรือนกระจัดกระจาย ไม่เป็นปัจจุบัน", "ร้อยละ 65 ของครัวเรือน")],
        mentor="mentor",
        coordinates=("12.562000", "102.090000"),
        lead_name="นางสาวสุดารัตน์ ใจดี",
        organisation="องค์การบริหารส่วนตำบลเกาะขวาง",
    ),
    DemoProject(
        code="61-ค-002",
        name="โครงการกองทุนสุขภาพตำบลตะกาดเง้า ร่วมใจลดโรคเรื้อรัง",
        budget="85500.00",
        start="2018-04-01",
        end="2018-12-31",
        created="2018-03-12T14:02",
        periods=[
            (1, "2018-04-01", "2018-06-30", "28500.00"),
            (2, "2018-07-01", "2018-09-30", "28500.00"),
            (3, "2018-10-01", "2018-12-31", "28500.00"),
        ],
        tambons=[("จันทบุรี", "ตะกาดเง้า", ProjectLocation.AreaType.COASTAL)],
        objectives=[
            (
                "เพื่อลดพฤติกรรมเสี่ยงต่อโรคเบาหวานและความดันโลหิตสูงของประชาชนกลุ่มเสี่ยง",
                "-กลุ่มเสี่ยงได้รับการตรวจคัดกรองซ้ำร้อยละ 90\n-กลุ่มเสี่ยงกลายเป็นผู้ป่วยรายใหม่ไม่เกินร้อยละ 5",
                "กลุ่มเสี่ยง 210 คน",
                "ลดลงร้อยละ 20",
            ),
        ],
        target_groups=[("ประชาชนกลุ่มเสี่ยงโรคเรื้อรัง", 210, 188), ("อสม. และแกนนำชุมชน", 30, 30)],
        problems=[("ประชาชนกลุ่มเสี่ยงโรคเบาหวานและความดันโลหิตสูงเพิ่มขึ้นทุกปี", "210 คน")],
        mentor="mentor",
        coordinates=("12.581000", "101.989000"),
        lead_name="นายประเสริฐ ทองคำ",
        organisation="กองทุนหลักประกันสุขภาพเทศบาลตำบลตะกาดเง้า",
    ),
    DemoProject(
        code="61-ค-003",
        name="โครงการอาสาสมัครเฝ้าระวังสุขภาพชุมชนตำบลท่าโสม",
        budget="150000.00",
        start="2018-10-01",
        end="2019-09-30",
        created="2018-09-05T11:40",
        periods=[
            (1, "2018-10-01", "2018-12-31", "37500.00"),
            (2, "2019-01-01", "2019-03-31", "37500.00"),
            (3, "2019-04-01", "2019-06-30", "37500.00"),
            (4, "2019-07-01", "2019-09-30", "37500.00"),
        ],
        tambons=[("ตราด", "ท่าโสม", ProjectLocation.AreaType.COASTAL)],
        objectives=[
            (
                "เพื่อพัฒนาทีมอาสาสมัครเฝ้าระวังโรคและภัยสุขภาพในชุมชนชายฝั่ง",
                "-มีทีมเฝ้าระวังครบทุกหมู่บ้าน\n-รายงานเหตุการณ์ได้ภายใน 24 ชั่วโมง",
                "3 จาก 8 หมู่บ้านมีทีม",
                "8 หมู่บ้าน",
            ),
        ],
        target_groups=[("อาสาสมัครเฝ้าระวังสุขภาพ", 40, None), ("ผู้นำชุมชน", 16, None)],
        problems=[("การแจ้งเหตุโรคระบาดและภัยสุขภาพล่าช้า", "เฉลี่ย 3 วัน")],
        mentor="mentor2",
        coordinates=("12.296000", "102.346000"),
        lead_name="นายสมชาย ทะเลงาม",
        organisation="โรงพยาบาลส่งเสริมสุขภาพตำบลท่าโสม",
    ),
    DemoProject(
        code="61-ค-004",
        name="โครงการส่งเสริมสุขภาพผู้สูงอายุโดยชุมชน จังหวัดจันทบุรี",
        budget="99999.99",
        start="2018-06-01",
        end="2019-05-31",
        created="2018-05-18T16:25",
        periods=[
            (1, "2018-06-01", "2018-09-30", "33333.33"),
            (2, "2018-10-01", "2019-01-31", "33333.33"),
            (3, "2019-02-01", "2019-05-31", "33333.33"),
        ],
        tambons=[
            ("จันทบุรี", "เกาะขวาง", ProjectLocation.AreaType.RURAL),
            ("จันทบุรี", "ตะกาดเง้า", ProjectLocation.AreaType.COASTAL),
        ],
        objectives=[
            (
                "เพื่อให้ผู้สูงอายุมีกิจกรรมส่งเสริมสุขภาพอย่างต่อเนื่องในชมรมผู้สูงอายุ",
                "-ชมรมผู้สูงอายุจัดกิจกรรมอย่างน้อยเดือนละ 1 ครั้ง",
                "ผู้สูงอายุติดบ้าน 58 คน",
                "ลดลงร้อยละ 10",
            ),
        ],
        target_groups=[("ผู้สูงอายุ", 250, 231), ("ผู้ดูแลผู้สูงอายุ", 40, 37)],
        problems=[("ผู้สูงอายุติดบ้านขาดกิจกรรมทางกายและสังคม", "58 คน")],
        lead_name="นางวิไลวรรณ ศรีสุข",
        organisation="ชมรมผู้สูงอายุอำเภอเมืองจันทบุรี",
    ),
    DemoProject(
        code="62-ค-005",
        name="โครงการสมัชชาสุขภาพจังหวัดจันทบุรี",
        budget="200000.00",
        start="2019-01-01",
        end="2019-12-31",
        created="2018-12-10T10:05",
        periods=[(1, "2019-01-01", "2019-06-30", "100000.00"), (2, "2019-07-01", "2019-12-31", "100000.00")],
        tambons=[("จันทบุรี", "", ProjectLocation.AreaType.URBAN)],
        objectives=[
            (
                "เพื่อจัดทำข้อเสนอเชิงนโยบายสาธารณะเพื่อสุขภาพระดับจังหวัด",
                "-มีมติสมัชชาสุขภาพจังหวัดอย่างน้อย 2 ประเด็น",
                "ยังไม่มีมติ",
                "2 ประเด็น",
            ),
        ],
        target_groups=[("ภาคีเครือข่ายสุขภาพระดับจังหวัด", 150, 162)],
        problems=[("ประเด็นสุขภาพของจังหวัดยังไม่ถูกผลักดันเป็นนโยบาย", "")],
        lead_name="นายอนุชา พงษ์ไพร",
        organisation="สำนักงานสาธารณสุขจังหวัดจันทบุรี",
    ),
    DemoProject(
        code="62-ค-006",
        name="โครงการพัฒนาศักยภาพแกนนำสุขภาพตำบลเกาะขวาง",
        budget="60000.00",
        start="2019-03-01",
        end="2019-08-31",
        created="2019-02-01T13:30",
        periods=[(1, "2019-03-01", "2019-08-31", "60000.00")],
        tambons=[("จันทบุรี", "เกาะขวาง", ProjectLocation.AreaType.RURAL)],
        objectives=[
            (
                "เพื่อพัฒนาแกนนำสุขภาพให้ทำแผนสุขภาพชุมชนได้เอง",
                "-แกนนำทำแผนสุขภาพหมู่บ้านได้ทุกหมู่บ้าน",
                "แกนนำ 12 คน",
                "แกนนำ 30 คน",
            ),
        ],
        target_groups=[("แกนนำสุขภาพ", 30, None)],
        problems=[],
        mentor="mentor",
        status=Project.Status.DRAFT,
        lead_name="นางสาวสุดารัตน์ ใจดี",
        organisation="องค์การบริหารส่วนตำบลเกาะขวาง",
    ),
]


def _bangkok(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


def _location(province_name: str, subdistrict_name: str, area_type: str) -> ProjectLocation | None:
    """A location found by Thai names, or None when the geography is not loaded."""
    if subdistrict_name:
        subdistrict = (
            Subdistrict.objects.select_related("district__province")
            .filter(name_th=subdistrict_name, district__province__name_th=province_name)
            .first()
        )
        if subdistrict is None:
            return None
        return ProjectLocation(
            province=subdistrict.district.province,
            district=subdistrict.district,
            subdistrict=subdistrict,
            area_type=area_type,
        )
    province = Province.objects.filter(name_th=province_name).first()
    if province is None:
        return None
    return ProjectLocation(province=province, area_type=area_type)


def _load_seed_project() -> Project | None:
    if Project.objects.filter(code=SEED_CODE).exists():
        return None
    programme, _created = Programme.objects.get_or_create(
        name=SEED_PROGRAMME, defaults={"on_home_page": False}
    )
    project = Project.objects.create(
        programme=programme,
        code=SEED_CODE,
        name="โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี",
        organisation="สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ (สนส. ม.อ.)",
        start_date=_d("2017-12-01"),
        end_date=_d("2018-12-31"),
        budget=Decimal("1000000.00"),
        lead_name="นายทวีวัตร เครือสาย",
        area="จังหวัดสุราษฎร์ธานี",
        rationale=SEED_RATIONALE,
        status=Project.Status.PUBLISHED,
    )
    location = _location("สุราษฎร์ธานี", "", "")
    if location is not None:
        location.project = project
        location.save()
    BudgetPeriod.objects.create(
        project=project,
        number=1,
        start_date=_d("2018-01-01"),
        end_date=_d("2018-12-31"),
        report_start=_d("2018-01-01"),
        report_end=_d("2018-12-31"),
        amount=Decimal("0.00"),
    )
    BudgetPeriod.objects.create(
        project=project,
        number=2,
        start_date=_d("2019-01-01"),
        end_date=_d("2019-02-28"),
        amount=Decimal("0.00"),
    )
    for position, (objective, indicators) in enumerate(SEED_OBJECTIVES, start=1):
        ProjectObjective.objects.create(
            project=project, position=position, objective=objective, indicators="\n".join(indicators)
        )
    # auto_now_add ignores a given value: set when it entered the system afterwards.
    Project.objects.filter(pk=project.pk).update(created_at=_bangkok("2018-02-06T10:27"))
    return project


def _load_home_project(spec: DemoProject, programme: Programme, users: dict) -> Project | None:
    if Project.objects.filter(code=spec.code).exists():
        return None
    latitude, longitude = spec.coordinates or (None, None)
    project = Project.objects.create(
        programme=programme,
        code=spec.code,
        name=spec.name,
        organisation=spec.organisation,
        responsible_organisation=spec.organisation,
        start_date=_d(spec.start),
        end_date=_d(spec.end),
        approved_on=_d(spec.start) - dt.timedelta(days=14),
        funding_source=spec.funding_source,
        budget=Decimal(spec.budget),
        lead_name=spec.lead_name,
        mentor=users.get(spec.mentor),
        area=" ".join(
            f"ตำบล{tambon}" if tambon else f"จังหวัด{province}" for province, tambon, _type in spec.tambons
        ),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        rationale="\n".join(problem for problem, _size in spec.problems),
        status=spec.status,
    )
    for province, tambon, area_type in spec.tambons:
        location = _location(province, tambon, area_type)
        if location is not None:
            location.project = project
            location.save()
    for number, start, end, amount in spec.periods:
        BudgetPeriod.objects.create(
            project=project,
            number=number,
            start_date=_d(start),
            end_date=_d(end),
            report_start=_d(start),
            report_end=_d(end),
            amount=Decimal(amount),
        )
    for position, (objective, indicators, problem_size, target) in enumerate(spec.objectives, start=1):
        ProjectObjective.objects.create(
            project=project,
            position=position,
            objective=objective,
            indicators=indicators,
            problem_size=problem_size,
            target_one_year=target,
        )
    for name, planned, actual in spec.target_groups:
        TargetGroup.objects.create(project=project, name=name, planned=planned, actual=actual)
    for position, (description, size) in enumerate(spec.problems, start=1):
        ProblemSituation.objects.create(
            project=project, position=position, description=description, size=size
        )
    Project.objects.filter(pk=project.pk).update(created_at=_bangkok(spec.created))
    return project


def load_demo_projects(*, password: str, stdout=None) -> None:
    """Project 60-ข-087 of seed 001, and the home-page programme's projects (one a draft)."""
    _load_seed_project()
    programme = Programme.objects.home().first()
    if programme is None:
        return
    wanted = {spec.mentor for spec in HOME_PROJECTS if spec.mentor}
    users = {user.username: user for user in get_user_model().objects.filter(username__in=wanted)}
    for spec in HOME_PROJECTS:
        _load_home_project(spec, programme, users)
