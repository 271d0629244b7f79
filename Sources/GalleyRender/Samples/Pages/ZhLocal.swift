import GalleyCore

/// 江城日报 city page: 6 columns, page header, a lead story with deck and photo, a boxed story, two
/// stories below (one with its headline set vertically) and an advertisement.
enum ZhLocal {
    static func compose(_ page: PageComposer) throws {
        page.header(paper: "城市·民生", dateLine: "2025年3月19日　星期三　第3版　责任编辑：何静",
                    paperFont: .init(family: "Noto Sans CJK SC", size: 24, bold: true),
                    dateFont: .init(family: "Noto Sans CJK SC", size: 9), color: ZhFront.red)
        let top = page.contentTop
        let leadEnd = try page.story(lifts, span: 0..<4, top: top)
        let boxEnd = try page.story(canteen, span: 4..<6, top: top)
        let row2 = max(leadEnd, boxEnd) + 14
        page.rule(0..<6, y: row2 - 7, width: 1)
        let busEnd = try page.story(buses, span: 0..<3, top: row2)
        let vegEnd = try page.story(vegetables, span: 3..<6, top: row2)
        page.columnRule(before: 3, from: row2, to: max(busEnd, vegEnd))
        let row3 = max(busEnd, vegEnd) + 14
        page.rule(0..<6, y: row3 - 7, width: 1)
        let adTop = page.contentBottom - 165
        try page.story(blossoms, span: 0..<6, top: row3, bottom: adTop - 14)
        page.advertisement(0..<6, top: adTop, bottom: page.contentBottom, tint: RGB(r: 0.95, g: 0.97, b: 0.92), lines: [
            ("江城春季房车博览会", .init(family: "Noto Sans CJK SC", size: 26, bold: true), RGB(r: 0.1, g: 0.4, b: 0.2)),
            ("3月22日至24日　国际会展中心2号馆", .init(family: "Noto Sans CJK SC", size: 14), .black),
            ("百余款车型现场试驾　购车享专属优惠", .init(family: "Noto Sans CJK SC", size: 14, bold: true), .black),
            ("咨询电话：0716-8852 6600", .init(family: "Noto Sans CJK SC", size: 12), .black),
        ])
        page.folio("3", font: .init(family: "Noto Sans CJK SC", size: 9))
    }

    static let lifts = Story(.chinese, headline: ["老旧小区加装电梯", "今年再启动一百台"],
        deck: "——全市已累计完成加装电梯412台", byline: "本报记者　孙立", paragraphs: [
        "本报讯　“以前上下楼要歇三回，现在按一下按钮就到家门口了。”家住江北区纺织新村的78岁居民周桂兰说。去年年底，她所在的单元楼装上了电梯，成为该小区第一批受益的住户。",
        "记者从市住房和城乡建设局了解到，今年我市计划在老旧小区新启动加装电梯100台，重点支持有高龄老人、残疾人居住的楼栋。对符合条件的项目，市、区两级财政每台给予最高20万元补助，并开通规划审批绿色通道。",
        "加装电梯难在协调。纺织新村所在社区党委书记吴敏介绍，社区先后召开居民协商会11次，请设计单位现场讲解方案，对低楼层住户关心的采光、噪声问题逐一回应，最终全体住户签字同意。",
        "市住建局有关负责人表示，下一步将推广“统一设计、统一施工、统一维保”的片区化模式，降低建设和维护成本，让更多老旧小区居民早日告别“爬楼难”。",
    ]).with {
        $0.headSize = 28
        $0.photo = .init(columns: 0..<2, height: 150, caption: "纺织新村新装的电梯投入使用，居民乘梯回家。本报记者　孙立　摄", seed: 5)
    }

    static let canteen = Story(.chinese, kicker: "民生小事", headline: ["社区食堂开进老街巷"], byline: "（记者　许文静）", paragraphs: [
        "本报讯　近日，位于老城区青石街的社区长者食堂正式开业。食堂每天提供早、中、晚三餐，荤素搭配，一餐最低只需8元，60岁以上老人凭卡还可享受额外优惠。",
        "开业当天中午，不少老人结伴前来用餐。“饭菜软烂、口味清淡，很适合我们老年人。”退休教师刘德华说，以前自己做饭一做就是两顿，现在走几步路就能吃上热乎饭。",
        "据了解，今年全市计划新建社区食堂30家，实现中心城区街道全覆盖。",
    ]).with { $0.headSize = 20; $0.boxed = true; $0.bylinePlace = .end }

    static let buses = Story(.chinese, headline: ["夜间公交线路优化调整"], byline: "本报记者　马骏", paragraphs: [
        "本报讯　为方便市民夜间出行，市公交集团自3月20日起对5条夜间公交线路进行优化调整，新增站点14个，末班车时间统一延长至次日凌晨1时。",
        "调整后，夜间线路将覆盖火车站、三家三甲医院和主要商圈。市公交集团运营部负责人表示，此次调整参考了近半年的出行大数据，将根据客流变化继续优化线路和班次。",
    ]).with { $0.headSize = 20 }

    static let blossoms = Story(.chinese, headline: ["江滨公园樱花进入盛花期"], byline: "本报记者　邓宇", paragraphs: [
        "本报讯　连日来气温回升，江滨公园的2000余株樱花竞相绽放，进入盛花期。粉白相间的花海沿江铺展，吸引众多市民游客前来踏青赏花、拍照留念。",
        "记者昨日在公园看到，樱花大道上游人如织，不少家长带着孩子在花树下放风筝、野餐。公园管理处在各入口设置了游客分流提示牌，并增派30名工作人员和志愿者维护秩序。",
        "公园管理处提醒，赏花高峰期周边道路车流量大，建议市民乘坐公共交通前往，并文明赏花，不攀折花枝。预计本轮花期将持续到本月底。",
    ]).with {
        $0.headSize = 22
        $0.photo = .init(columns: 0..<3, height: 140, caption: "市民在江滨公园樱花大道赏花。本报记者　邓宇　摄", seed: 2)
    }

    static let vegetables = Story(.chinese, headline: ["春菜上市价格回落"], byline: "（记者　黄蕾）", paragraphs: [
        "本报讯　随着本地春季蔬菜大量上市，近期我市农贸市场蔬菜价格明显回落。记者在城南农贸市场看到，菠菜、莴笋、春笋等时令蔬菜摆满摊位，菠菜每斤售价3元左右，比上月下降约两成。",
        "市发展改革委价格监测数据显示，本周全市重点监测的20种蔬菜平均零售价格环比下降6.8%。",
    ]).with { $0.headSize = 24; $0.vertical = .left; $0.bylinePlace = .end; $0.bodyColumns = 2 }
}
