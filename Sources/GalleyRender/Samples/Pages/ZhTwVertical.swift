import GalleyCore

/// 港都日報 local page set vertically (竖排) in traditional characters: a horizontal masthead and date
/// line, three tiers divided by rules; the lead story in the first tier with kicker (引題), a headline
/// in two columns, deck (副題), a byline at the column foot and a photo with a vertical caption; two
/// stories side by side in the second tier; one story and a horizontal advertisement in the third.
enum ZhTwVertical {
    static func compose(_ page: PageComposer) throws {
        page.header(paper: "港都日報", dateLine: "中華民國一一五年四月九日　星期四　第三版　地方新聞",
                    paperFont: .init(family: "Noto Sans CJK TC", size: 24, bold: true),
                    dateFont: .init(family: "Noto Sans CJK TC", size: 9))
        let right = page.width - page.margin, left = page.margin
        let tierGap = 12.0
        let height = (page.contentBottom - page.contentTop - 2 * tierGap) / 3
        let t1 = page.contentTop, t2 = t1 + height + tierGap, t3 = t2 + height + tierGap
        // Tier 1: the lead across the page, going on at the right of tier 2.
        let leadEnd = try page.verticalStory(harbour, right: right, limit: left, top: t1, bottom: t1 + height,
                                             then: .init(right: right, limit: left, top: t2, bottom: t2 + height))
        page.tierRule(y: t2 - tierGap / 2)
        page.verticalRule(x: leadEnd - 5, top: t2, bottom: t2 + height)
        // Tier 2: the lead's last columns, then two stories with a rule between them.
        let market = try page.verticalStory(nightMarket, right: leadEnd - 10, limit: left, top: t2, bottom: t2 + height)
        page.verticalRule(x: market - 5, top: t2, bottom: t2 + height)
        try page.verticalStory(library, right: market - 10, limit: left, top: t2, bottom: t2 + height)
        page.tierRule(y: t3 - tierGap / 2)
        // Tier 3: a story, and an advertisement set horizontally on the left.
        let bus = try page.verticalStory(busRoutes, right: right, limit: left + 150, top: t3, bottom: t3 + height)
        page.verticalRule(x: bus - 5, top: t3, bottom: t3 + height)
        page.advertisement(0..<1, top: t3 + 10, bottom: t3 + height - 10, tint: RGB(r: 0.96, g: 0.93, b: 0.86), lines: [
            ("旗津海產節", .init(family: "Noto Sans CJK TC", size: 20, bold: true), RGB(r: 0.55, g: 0.1, b: 0.1)),
            ("四月十八日至二十日", .init(family: "Noto Sans CJK TC", size: 11), .black),
            ("旗津海水浴場", .init(family: "Noto Sans CJK TC", size: 11), .black),
            ("現撈海鮮　漁村導覽", .init(family: "Noto Sans CJK TC", size: 11, bold: true), .black),
            ("洽詢：07-571-2233", .init(family: "Noto Sans CJK TC", size: 10), .black),
        ])
        page.folio("3", font: .init(family: "Noto Sans CJK TC", size: 9))
    }

    static let harbour = VerticalStory(kicker: "舊港區轉型再添一站", headline: ["港邊倉庫變身", "藝文聚落"],
        deck: "十二棟倉庫修復完成　下月開放", byline: "記者林書維／港都報導", paragraphs: [
        "停用二十多年的港邊第三號碼頭倉庫群，經過兩年修復，昨天舉行完工典禮。市府文化局表示，十二棟紅磚倉庫將分批引進表演團體、獨立書店與工藝工作室，下個月起陸續對外開放，假日並規劃市集與戶外演出。",
        "這批倉庫建於日治末期，過去用來存放砂糖與雜貨，港口貨運移往新港區後便逐漸荒廢。修復團隊保留原有的木造屋架與鐵製滑門，屋頂則改用隔熱材料，兼顧古蹟價值與使用需求。",
        "文化局長周明哲說，老倉庫最可貴的是空間大、樓板高，很適合排練與展覽。「我們希望年輕創作者進得來、留得住，讓港邊重新熱鬧起來。」進駐團隊須通過審查，租金依營運計畫給予優惠。",
        "在碼頭邊長大的陳太太說：「看到屋頂的木頭還在，心裡很感動。」",
        "不少在地居民昨天也到場參觀。住在附近的張先生說，以前只能隔著圍牆看倉庫，現在終於可以走進去，希望未來有更多適合親子參加的活動。",
        "市府指出，倉庫周邊的自行車道與人行步道將同步串連，未來可從捷運站沿著港邊步行抵達。第二期工程預計明年動工，將整修相鄰的舊海關宿舍，作為藝術家駐村使用。",
    ]).with {
        $0.headSize = 26
        $0.photo = .init(afterColumns: 6, width: 120, height: 100,
                         caption: "修復完成的港邊紅磚倉庫，昨天吸引不少民眾參觀。記者林書維攝", seed: 31)
        $0.bylinePlace = .end
    }

    static let nightMarket = VerticalStory(headline: ["夜市推行減塑", "攤商響應踴躍"], byline: "記者許雅婷／港都報導", paragraphs: [
        "市內規模最大的六合夜市，本月起推動「自備餐具享折扣」活動，已有八十多家攤商加入。消費者自備杯子或餐盒，每次可折抵五元，市府環保局並在夜市入口設置餐具清洗站，供民眾免費使用。",
        "環保局統計，活動上路兩週，每晚減少一次性塑膠杯約三千個。賣木瓜牛奶三十年的黃老闆說，起初擔心客人嫌麻煩，沒想到不少年輕人主動拿出隨行杯，「現在一晚有兩成客人自己帶杯子」。",
        "環保局表示，下半年將把活動擴大到其他三處夜市，並補助攤商改用可重複使用的餐具。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }

    static let library = VerticalStory(headline: ["行動圖書車", "開進偏鄉"], byline: "記者蔡宗翰／旗山報導", paragraphs: [
        "市立圖書館新購置的行動圖書車，昨天首度開進旗山、美濃一帶的偏鄉小學。車上載有兩千多冊童書與繪本，學童可當場借閱，下次圖書車到校時再歸還。",
        "圖書館表示，偏鄉學校距離分館較遠，家長接送不便，孩子借書的機會相對少。圖書車將每兩週巡迴一次，並安排說故事志工隨車服務。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }

    static let busRoutes = VerticalStory(headline: ["公車路線調整", "下週一上路"], byline: "記者鄭文彬／港都報導", paragraphs: [
        "市府交通局昨天公布公車路網調整方案，共有十四條路線改道或延駛，下週一起正式上路。其中紅十二路延伸至新建的國民運動中心，黃五路則改經科技園區，以服務上下班通勤人潮。",
        "交通局表示，這次調整參考了電子票證的搭乘紀錄，將乘客稀少的班次移到尖峰時段。新路線上路首月，搭乘調整路線的公車一律免費，站牌與轉乘資訊也已同步更新。",
        "民眾如對新路線有疑問，可撥打市民服務專線查詢，或利用公車動態系統查看即時到站時間。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }
}
