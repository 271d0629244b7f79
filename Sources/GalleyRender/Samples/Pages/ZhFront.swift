import GalleyCore

/// 江城日报 front page: 8 columns, masthead, a lead story with kicker, deck and photo, a story with a
/// vertical headline down the right edge, two smaller stories, one with a photo, and an advertisement.
enum ZhFront {
    static let red = RGB(r: 0.78, g: 0.08, b: 0.1)

    static func compose(_ page: PageComposer) throws {
        masthead(page)
        let top = page.contentTop
        let leadEnd = try page.story(lead, span: 0..<6, top: top)
        let sideEnd = try page.story(trees, span: 6..<8, top: top, bottom: leadEnd)
        page.columnRule(before: 6, from: top, to: max(leadEnd, sideEnd), width: 0.75)
        let second = max(leadEnd, sideEnd) + 10
        page.rule(0..<8, y: second - 5, width: 1)
        let leftEnd = try page.story(permits, span: 0..<4, top: second)
        page.advertisement(0..<4, top: leftEnd + 14, bottom: page.contentBottom, tint: RGB(r: 0.98, g: 0.93, b: 0.86), lines: [
            ("江城农商银行", .init(family: "Noto Sans CJK SC", size: 22, bold: true), red),
            ("春季惠民贷　火热办理中", .init(family: "Noto Sans CJK SC", size: 15, bold: true), .black),
            ("最高额度30万元　随借随还", .init(family: "Noto Sans CJK SC", size: 12), .black),
            ("服务热线：96578", .init(family: "Noto Sans CJK SC", size: 13, bold: true), red),
        ])
        page.columnRule(before: 4, from: second, to: page.contentBottom, width: 0.75)
        let metroEnd = try page.story(metro, span: 4..<8, top: second)
        page.rule(4..<8, y: metroEnd + 7)
        try page.story(safety, span: 4..<8, top: metroEnd + 14, bottom: page.contentBottom)
        page.folio("1", font: .init(family: "Noto Sans CJK SC", size: 9))
    }

    static func masthead(_ page: PageComposer) {
        let m = page.margin
        page.furnitureText("江城日报", role: .masthead, x: m, y: m - 10,
                           font: .init(family: "Noto Sans CJK SC", size: 50, bold: true), color: red)
        page.furnitureText("JIANGCHENG DAILY", role: .masthead, x: m + 4, y: m + 62,
                           font: .init(family: "DejaVu Sans", size: 9, bold: true), color: red)
        let info = PDFSketch.Font(family: "Noto Sans CJK SC", size: 10)
        for (i, text) in ["2025年3月19日　星期三", "农历乙巳年二月二十", "第12846号　今日8版"].enumerated() {
            let w = page.measure(text, info)
            page.furnitureText(text, role: .header, x: page.width - m - w, y: m + Double(i) * 16, font: info)
        }
        page.sketch.line(x0: m, y0: m + 80, x1: page.width - m, y1: m + 80, width: 2.5, color: red)
        page.contentTop = m + 92
    }

    static let lead = Story(.chinese, kicker: "全市一季度重点项目集中开工",
        headline: ["三十二个项目同日开工", "总投资逾四百亿元"],
        deck: "——涵盖先进制造、城市更新、民生保障等领域", byline: "本报记者　林晓峰　周敏", paragraphs: [
        "本报讯　3月18日上午，我市2025年一季度重点项目集中开工活动在滨江新区智能装备产业园举行。全市32个重点项目同日开工，总投资412.6亿元，涵盖先进制造、现代服务、城市更新、交通能源和民生保障等多个领域。",
        "记者在主会场看到，十余台挖掘机、推土机整齐列队，工人们身着统一工装，各就各位。随着一声令下，机械轰鸣，项目建设正式拉开序幕。该产业园项目总投资58亿元，规划建设智能装备研发中心、精密加工车间和配套仓储物流设施，建成后预计年产值可达80亿元，带动就业3000余人。",
        "从开工项目结构看，产业类项目共19个，总投资265亿元，占比超过六成。其中，新能源汽车零部件、生物医药中间体、工业机器人等一批补链强链项目引人关注。市发展改革委有关负责人介绍，这些项目大多由本地龙头企业牵头，配套企业跟进，产业集聚效应将进一步显现。",
        "民生类项目同样占据重要位置。江北区老旧小区改造二期工程将惠及居民1.2万户，涉及管网更新、加装电梯、停车位增设等内容；市第三人民医院新院区计划新增床位800张，预计2027年投入使用；另有4所中小学校扩建项目同步启动，新增学位近5000个。",
        "为保障项目顺利推进，我市今年继续实行重点项目“专班服务”机制，由市级领导挂帅，相关部门组成工作专班，对项目用地、环评、施工许可等手续实行并联审批。据统计，此次开工项目从签约到开工平均用时缩短至97天，较去年同期减少近一个月。",
        "市委主要负责同志在开工现场表示，项目是经济发展的“压舱石”，各地各部门要牢固树立“项目为王”理念，以开工即冲刺的状态抓进度、抓质量、抓安全，推动项目早建成、早投产、早见效，为全年经济社会发展目标任务的完成打下坚实基础。",
    ]).with {
        $0.headSize = 34
        $0.photo = .init(columns: 0..<3, height: 160,
                         caption: "图为滨江新区智能装备产业园项目开工现场，施工机械正在进行场地平整。本报记者　周敏　摄", seed: 3)
    }

    static let trees = Story(.chinese, headline: ["春季植树添新绿"], byline: "（记者　陈雨欣）", paragraphs: [
        "本报讯　3月15日，“绿满江城”春季义务植树活动在城东青龙山生态公园举行。来自市直机关、驻市部队、高校和社区的2000余名志愿者挥锹培土、提水浇灌，当天共栽种香樟、银杏、桂花等苗木1.5万余株。",
        "“今年是我第六年参加义务植树，看着前几年种下的小树苗长成了林子，心里特别有成就感。”市民张建国带着读小学的孙子一同前来，祖孙俩合力种下了一棵银杏树，并挂上了写有名字的认养牌。",
        "据市林业局介绍，今年我市计划完成植树造林面积1.8万亩，新建和改造提升城市公园12座，建设绿道60公里。目前，各区已完成春季造林任务的四成以上。",
    ]).with {
        $0.vertical = .right
        $0.headSize = 30
        $0.bylinePlace = .end
        $0.bodyColumns = 1
    }

    static let permits = Story(.chinese, kicker: "“一网通办”再提速", headline: ["企业开办实现“一日办结”"],
        byline: "本报记者　王佳", paragraphs: [
        "本报讯　记者从市政务服务中心获悉，自本月起，我市企业开办全流程实现“一日办结”。申请人通过“江城政务”平台一次提交材料，即可同步完成营业执照、公章刻制、税务登记、社保登记和银行开户预约等五个事项。",
        "在市政务服务中心企业开办专区，记者见到了刚刚领到营业执照的创业者李女士。她告诉记者，上午九点提交申请，下午三点就拿到了执照和印章，“以前听朋友说要跑好几个部门，没想到现在这么快。”",
        "市政务服务管理局相关负责人表示，下一步将推动更多高频事项“免证办”“就近办”，在全市各街道便民服务中心设立自助服务终端，让企业和群众办事更省心。今年以来，全市新设立市场主体1.6万户，同比增长12.4%。",
    ]).with { $0.headSize = 24 }

    static let metro = Story(.chinese, headline: ["地铁3号线开始全线试运行"], byline: "本报记者　赵一鸣", paragraphs: [
        "本报讯　3月16日起，江城地铁3号线开始全线空载试运行。试运行期间，列车将按照开通后的运行图进行实战演练，全面检验车辆、信号、供电、通信等系统的稳定性和各岗位人员的应急处置能力。",
        "3号线全长28.6公里，共设车站22座，其中换乘站5座，串联起城北高铁站、市中心商圈和南部大学城。开通后，从高铁站到大学城的通行时间将由目前的一个多小时缩短至40分钟左右。",
        "据江城轨道交通集团介绍，试运行时间不少于三个月。届时，全市地铁运营里程将突破百公里，日均客运能力预计提升30万人次。",
    ]).with {
        $0.headSize = 24
        $0.photo = .init(columns: 0..<2, height: 96, caption: "3号线列车驶出江心岛站。本报记者　赵一鸣　摄", seed: 7)
    }

    static let safety = Story(.chinese, headline: ["中小学启动春季安全教育月"], byline: "（记者　刘畅）", paragraphs: [
        "本报讯　日前，市教育局印发通知，在全市中小学开展春季安全教育月活动。活动围绕防溺水、交通安全、消防安全等主题，通过主题班会、应急演练等形式，提升学生安全意识。",
        "通知要求，各校要全面排查校舍、食堂等重点部位安全隐患，限期整改到位。",
    ]).with { $0.headSize = 20; $0.bylinePlace = .end }
}
