import GalleyCore

/// 青溪日报 county page: 5 columns, page header, a lead story with kicker (引题), deck (副题), photo and
/// its byline at the end, two stories whose headlines run vertically down the side of their text (one on
/// the right, one on the left), three smaller stories and an advertisement.
enum ZhVertical {
    static let blue = RGB(r: 0.08, g: 0.25, b: 0.5)

    static func compose(_ page: PageComposer) throws {
        page.header(paper: "区县新闻", dateLine: "青溪日报　2025年4月9日　星期三　第5版　责任编辑：罗敏",
                    paperFont: .init(family: "Noto Sans CJK SC", size: 24, bold: true),
                    dateFont: .init(family: "Noto Sans CJK SC", size: 9), color: blue)
        let top = page.contentTop
        // Row 1: the lead on the left, a vertical-headline story and a short story on the right.
        let leadEnd = try page.story(farmland, span: 0..<3, top: top)
        let streetEnd = try page.story(oldStreet, span: 3..<5, top: top)
        page.rule(3..<5, y: streetEnd + 7)
        let row1 = try page.story(library, span: 3..<5, top: streetEnd + 14, bottom: leadEnd)
        page.columnRule(before: 3, from: top, to: max(leadEnd, row1), width: 0.75)
        // Row 2: a vertical-headline story on the left, a story across three columns on the right.
        let row2Top = max(leadEnd, row1) + 14
        page.rule(0..<5, y: row2Top - 7, width: 1)
        let parcelEnd = try page.story(parcels, span: 0..<2, top: row2Top)
        let hospitalEnd = try page.story(hospital, span: 2..<5, top: row2Top)
        let row2 = max(parcelEnd, hospitalEnd)
        page.columnRule(before: 2, from: row2Top, to: row2, width: 0.75)
        // Row 3: a short story beside an advertisement.
        let row3Top = row2 + 14
        page.rule(0..<5, y: row3Top - 7, width: 1)
        try page.story(parking, span: 0..<2, top: row3Top, bottom: page.contentBottom)
        page.advertisement(2..<5, top: row3Top + 2, bottom: page.contentBottom, tint: RGB(r: 0.93, g: 0.97, b: 0.9), lines: [
            ("第五届青溪春茶节", .init(family: "Noto Sans CJK SC", size: 24, bold: true), RGB(r: 0.1, g: 0.42, b: 0.2)),
            ("4月18日至20日　龙潭古镇", .init(family: "Noto Sans CJK SC", size: 14), .black),
            ("采茶体验　非遗表演　好茶品鉴", .init(family: "Noto Sans CJK SC", size: 14, bold: true), .black),
            ("咨询热线：0745-662 8899", .init(family: "Noto Sans CJK SC", size: 12), .black),
        ])
        page.folio("5", font: .init(family: "Noto Sans CJK SC", size: 9))
    }

    static let farmland = Story(.chinese, kicker: "春耕备耕正当时",
        headline: ["新建高标准农田十二万亩", "灌溉保证率超过九成"],
        deck: "——全县新修机耕路86公里，惠及农户2.3万户", byline: "本报记者　唐思远　易凡", paragraphs: [
        "本报讯　清明过后，青溪县各乡镇田间地头一派繁忙景象。记者从县农业农村局获悉，去年秋冬以来，全县共建成高标准农田12.1万亩，新修和硬化机耕路86公里，新建和改造灌排渠道210公里，项目区灌溉保证率由原来的不足七成提高到九成以上。",
        "在白沙镇桃源村，连片的水田已经完成翻耕，一台台插秧机正在育秧大棚旁待命。村党支部书记彭立新告诉记者，过去村里的田块大小不一，机器下不了田，不少农户只能靠人工耕种。“土地平整以后，小田变大田，一个人一天能插三十多亩，成本省了一大半。”",
        "县农业农村局局长谢长江介绍，今年的建设项目坚持“先建后补、农民参与”，由村集体和种粮大户全程参与选址、设计和质量监督。项目完工后，由乡镇统一移交村集体管护，并从土地流转收益中提取一定比例作为管护资金，确保工程长期发挥效益。",
        "高标准农田建成后，土地流转也更加顺畅。目前，全县新增流转面积3.6万亩，培育家庭农场和农民合作社142家。桃源村引进的稻虾共养项目，每亩纯收入比单种水稻增加1500元左右。",
        "据了解，今年青溪县计划再建设高标准农田8万亩，重点向粮食生产功能区和丘陵山区倾斜，同步推进农田水利设施提档升级，力争到2027年实现永久基本农田应建尽建。",
    ]).with {
        $0.headSize = 30
        $0.bylinePlace = .end
        $0.photo = .init(columns: 0..<2, height: 150,
                         caption: "白沙镇桃源村农户驾驶农机在新建成的高标准农田里翻耕。通讯员　易凡　摄", seed: 14)
    }

    static let oldStreet = Story(.chinese, headline: ["古镇老街焕发新活力"], byline: "本报记者　龙小雨", paragraphs: [
        "本报讯　青石板路、木格花窗、临河吊脚楼……经过一年多的修缮，有着六百多年历史的龙潭古镇老街日前重新开街迎客。开街首个周末，古镇接待游客4.2万人次，沿街商铺营业额同比增长近两倍。",
        "此次修缮坚持“修旧如旧”，对老街两侧86栋传统民居进行了加固和立面整治，同步改造了供水、排污和电力管线，线路全部入地。老街原住民大多没有搬离，不少人把自家前厅改成了茶馆、米粉店和手工作坊。",
        "“房子还是那栋房子，但住得更舒服了，生意也好做了。”经营竹编店的杨秀英说，她家三代人都在老街生活，现在每天能卖出竹篮、竹扇等物件上百件。",
        "龙潭镇负责人表示，下一步将引入非遗展示、民宿和研学等业态，并严格控制商业开发比例，让古镇既有烟火气，又留得住乡愁。",
    ]).with { $0.vertical = .right; $0.headSize = 30; $0.bodyColumns = 2 }

    static let library = Story(.chinese, headline: ["县图书馆推出“夜读”服务"], byline: "（记者　覃雯）", paragraphs: [
        "本报讯　从4月起，县图书馆每周五、周六开放时间延长至晚上9时30分，并在一楼设立24小时自助借还区。读者持身份证或社保卡即可免押金办理借阅证。自助借还区配有图书消毒柜和30个阅读座位，深夜下班的市民也能随时借书、还书，在灯下安静读上一会儿。",
        "图书馆馆长吴佳告诉记者，延长开放后，每晚到馆读者约200人，以中学生和年轻上班族居多。图书馆还将每月举办两场读书分享会，邀请本地作者与读者面对面交流。",
    ]).with { $0.headSize = 20; $0.bylinePlace = .end }

    static let parcels = Story(.chinese, headline: ["快递服务进村入户"], byline: "（记者　麻晓峰）", paragraphs: [
        "本报讯　“以前取个快递要跑到十几公里外的镇上，现在在村口小超市就能拿到。”日前，家住高坪乡金竹村的村民田大姐在村级快递服务站取到了网购的农资。",
        "去年以来，青溪县整合邮政、供销和多家快递企业资源，推行“多站合一、共配到村”模式，在全县156个行政村建成村级寄递物流综合服务站，实现快递服务行政村全覆盖。",
        "共同配送降低了成本。县邮政分公司负责人介绍，快递进村平均时效由过去的3天缩短到1天以内，每件派送成本下降约四成，村民寄件也不用再多付“进村费”。与此同时，服务站也成为农产品“出山”的窗口，今年一季度，全县通过村级站点寄出茶叶、腊肉、猕猴桃等农特产品18万件。",
    ]).with { $0.vertical = .left; $0.headSize = 28; $0.bodyColumns = 2; $0.bylinePlace = .end }

    static let hospital = Story(.chinese, headline: ["县人民医院开通远程会诊"], byline: "本报记者　欧阳静", paragraphs: [
        "本报讯　4月7日，县人民医院远程医学中心正式启用。通过5G网络和高清视频系统，当地患者在县里就能接受省城三甲医院专家的会诊。",
        "启用当天，一位患有复杂心脏疾病的七旬老人在县医院接受了首例远程会诊。省人民医院心内科专家通过屏幕查看了患者的心脏彩超和造影结果，与县医院医生共同制定了治疗方案。患者家属说：“不用去省城排队，心里踏实多了。”",
        "据介绍，远程医学中心已与省内5家三级医院建立协作关系，可开展远程会诊、远程影像诊断和远程教学查房等服务。",
        "县卫生健康局负责人表示，今年将继续推进紧密型县域医共体建设，力争让大病不出县、小病不出乡。",
    ]).with {
        $0.headSize = 24
        $0.photo = .init(columns: 0..<2, height: 84, caption: "省城专家通过远程会诊系统为县医院患者会诊。本报记者　欧阳静　摄", seed: 19)
    }

    static let parking = Story(.chinese, headline: ["城区新增停车泊位八百个"], byline: "（记者　向东）", paragraphs: [
        "本报讯　为缓解城区停车难，县住建局近期利用边角空地、闲置地块新建公共停车场6处，新增停车泊位800余个，目前已全部投入使用。",
        "新建停车场全部安装了智能收费系统，市民可通过手机查询空余车位、在线缴费，首小时免费。停车场还配建了新能源汽车充电桩48个。",
        "县住建局相关负责人介绍，今年还将结合老旧小区改造增设停车位1200个，并鼓励机关企事业单位在夜间和节假日向社会开放内部停车场。",
    ]).with { $0.headSize = 20; $0.bylinePlace = .end }
}
