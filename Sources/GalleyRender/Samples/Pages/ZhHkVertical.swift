import GalleyCore

/// 維港晨報 city page set vertically (竖排) in traditional characters: a horizontal masthead and date
/// line, three tiers divided by rules; two stories in the first tier (the second with its byline after
/// the text), a story with a kicker, a deck and a photo with a vertical caption in the second, two
/// stories in the third. Two-digit numbers are set across their column (縦中横).
enum ZhHkVertical {
    static func compose(_ page: PageComposer) throws {
        page.header(paper: "維港晨報", dateLine: "二〇二六年四月九日　星期四　港聞版　A8",
                    paperFont: .init(family: "Noto Sans CJK TC", size: 24, bold: true),
                    dateFont: .init(family: "Noto Sans CJK TC", size: 9))
        let right = page.width - page.margin, left = page.margin
        let tierGap = 12.0
        let height = (page.contentBottom - page.contentTop - 2 * tierGap) / 3
        let t1 = page.contentTop, t2 = t1 + height + tierGap, t3 = t2 + height + tierGap
        let ferry = try page.verticalStory(ferryPier, right: right, limit: left, top: t1, bottom: t1 + height)
        page.verticalRule(x: ferry - 5, top: t1, bottom: t1 + height)
        try page.verticalStory(heat, right: ferry - 10, limit: left, top: t1, bottom: t1 + height)
        page.tierRule(y: t2 - tierGap / 2)
        try page.verticalStory(oldHouses, right: right, limit: left, top: t2, bottom: t2 + height)
        page.tierRule(y: t3 - tierGap / 2)
        let hikes = try page.verticalStory(trails, right: right, limit: left, top: t3, bottom: t3 + height)
        page.verticalRule(x: hikes - 5, top: t3, bottom: t3 + height)
        try page.verticalStory(dimSum, right: hikes - 10, limit: left, top: t3, bottom: t3 + height)
        page.folio("A8", font: .init(family: "Noto Sans CJK TC", size: 9))
    }

    static let ferryPier = VerticalStory(headline: ["離島碼頭", "加建避雨廊"], byline: "本報記者　梁嘉欣", paragraphs: [
        "往來長洲及南丫島的渡輪碼頭長期缺乏遮蔭，乘客雨天候船常被淋濕。運輸署昨日表示，將於兩個碼頭加建有蓋候船廊，工程下月展開，預計年底前完成，期間渡輪服務維持不變。",
        "新建候船廊長約80米，設有座椅、風扇及電子班次顯示屏，方便長者及帶同幼童的乘客。離島區議員指出，假日乘客人龍經常排到街上，加建工程「遲來總比不來好」。",
        "運輸署又稱，會同時研究延長部分夜間航班，詳情稍後公布。",
    ]).with { $0.headSize = 24; $0.bylinePlace = .end }

    static let heat = VerticalStory(headline: ["天文台發出", "首個酷熱警告"], byline: "（本報訊）", paragraphs: [
        "天文台昨日下午發出今年首個酷熱天氣警告，市區氣溫最高達33度，新界部分地區更錄得34度。天文台提醒市民避免長時間在戶外活動，並多補充水分，留意身體狀況。",
        "勞工處亦呼籲僱主為戶外工作的僱員安排適當休息時間，提供飲用水及遮蔭地方。民政事務總署則開放多個社區會堂作為臨時避暑中心，供有需要人士使用。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }

    static let oldHouses = VerticalStory(kicker: "保育與發展之間", headline: ["百年唐樓活化", "變身社區書房"],
        deck: "街坊可免費借用　設兒童閱讀角", byline: "本報記者　陳志聰", paragraphs: [
        "位於西環的一排戰前唐樓，經過三年活化工程，日前正式開放為社區書房。主辦的非牟利機構表示，書房藏書約六千冊，街坊登記後可免費借閱，地下更設有兒童閱讀角及小型展覽空間。",
        "這排唐樓建於上世紀20年代，保留了騎樓、木樓梯及花階磚等特色。負責修復的建築師說，工程最困難的是加固樓板，既要符合現行安全標準，又要盡量保存原有結構，「每一塊磚都要先編號才可拆下」。",
        "書房開放首周已有逾千人次到訪。住在附近的退休教師黃先生說，以前每日經過都只見木板封窗，如今可以坐在窗邊看書，感覺很親切。",
        "機構負責人表示，書房將定期舉辦講座及工作坊，介紹西環街道歷史，並招募義工擔任導賞員。開放時間為每日上午10時至晚上8時，逢星期一休息。",
        "區內團體認為，活化項目為舊區帶來新的公共空間，希望政府日後檢討更多空置歷史建築的用途，讓市民共享。",
    ]).with {
        $0.headSize = 26
        $0.photo = .init(afterColumns: 5, width: 140, height: 105,
                         caption: "活化後的唐樓保留騎樓及木窗。本報記者攝", seed: 47)
        $0.bylinePlace = .end
    }

    static let trails = VerticalStory(headline: ["郊野公園", "新增無障礙路段"], byline: "本報記者　何詠詩", paragraphs: [
        "漁農自然護理署宣布，大潭及城門郊野公園新增兩段無障礙遠足徑，全長約兩公里，路面平坦並設有扶手，輪椅使用者及長者亦可輕鬆前往。署方表示，路段沿途設有休憩處及觀景台。",
        "復康團體歡迎新措施，認為可讓更多人親近大自然，但希望當局改善往返郊野公園的交通配套。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }

    static let dimSum = VerticalStory(headline: ["老字號茶樓", "重開迎舊客"], byline: "（本報訊）", paragraphs: [
        "位於上環、已有六十多年歷史的老字號茶樓，去年因租約問題暫停營業，昨日在新址重開。不少老街坊一早到場排隊，點心師傅沿用舊日手藝，蝦餃及燒賣依然是最受歡迎的點心。",
        "茶樓第三代東主說，重開後會保留推車仔賣點心的傳統，希望年輕一代也能感受舊式茶樓的氣氛。",
    ]).with { $0.headSize = 22; $0.bylinePlace = .end }
}
