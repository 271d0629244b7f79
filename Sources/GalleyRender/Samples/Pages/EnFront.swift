import GalleyCore

/// The Harbor City Tribune front page: 6 columns, masthead, a lead headline across four columns with
/// deck, byline and photo, a two-column story with a photo, two stories below and an advertisement.
enum EnFront {
    static let navy = RGB(r: 0.1, g: 0.15, b: 0.35)

    static func compose(_ page: PageComposer) throws {
        let m = page.margin
        let nameFont = PDFSketch.Font(family: "DejaVu Serif", size: 40, bold: true)
        let name = "The Harbor City Tribune"
        page.furnitureText(name, role: .masthead, x: (page.width - page.measure(name, nameFont)) / 2, y: m - 8,
                           font: nameFont, color: navy)
        let info = PDFSketch.Font(family: "DejaVu Sans Condensed", size: 8.5, bold: true)
        page.sketch.line(x0: m, y0: m + 44, x1: page.width - m, y1: m + 44, width: 0.75)
        page.furnitureText("WEDNESDAY, MARCH 19, 2025", role: .header, x: m, y: m + 48, font: info)
        let right = "VOL. 141, NO. 78  ·  $2.00"
        page.furnitureText(right, role: .header, x: page.width - m - page.measure(right, info), y: m + 48, font: info)
        page.sketch.line(x0: m, y0: m + 63, x1: page.width - m, y1: m + 63, width: 2)
        page.contentTop = m + 74

        let top = page.contentTop
        let leadEnd = try page.story(piers, span: 0..<4, top: top)
        page.columnRule(before: 4, from: top, to: leadEnd)
        let libEnd = try page.story(library, span: 4..<6, top: top, bottom: leadEnd)
        let row2 = max(leadEnd, libEnd) + 12
        page.rule(0..<6, y: row2 - 6, width: 1)
        let robotsEnd = try page.story(robots, span: 0..<3, top: row2)
        page.columnRule(before: 3, from: row2, to: page.contentBottom)
        let faresEnd = try page.story(fares, span: 3..<6, top: row2)
        page.rule(0..<3, y: robotsEnd + 6)
        let marketEnd = try page.story(market, span: 0..<3, top: robotsEnd + 12)
        page.advertisement(0..<3, top: marketEnd + 14, bottom: page.contentBottom, tint: RGB(r: 0.93, g: 0.96, b: 1), lines: [
            ("SPRING SALE", .init(family: "DejaVu Sans", size: 26, bold: true), navy),
            ("Hendry & Sons Furniture", .init(family: "DejaVu Serif", size: 14, italic: true), .black),
            ("Up to 40% off sofas and dining sets", .init(family: "DejaVu Sans Condensed", size: 11), .black),
            ("412 Quay Street · Open daily 9 to 7", .init(family: "DejaVu Sans Condensed", size: 10, bold: true), navy),
        ])
        page.advertisement(3..<6, top: faresEnd + 14, bottom: page.contentBottom, lines: [
            ("Read the Tribune every morning", .init(family: "DejaVu Serif", size: 15, bold: true), .black),
            ("4 weeks of home delivery for $1", .init(family: "DejaVu Sans Condensed", size: 12), .black),
            ("Call 555-0142 to subscribe", .init(family: "DejaVu Sans Condensed", size: 11, bold: true), navy),
        ])
        page.folio("A1", font: .init(family: "DejaVu Sans Condensed", size: 8.5))
    }

    static let piers = Story(.english, headline: ["Council approves $48 million plan", "to rebuild the waterfront piers"],
        deck: "Work on the crumbling timber docks will begin in June and close parts of the harbor walk for two summers",
        byline: "By MARIA OKAFOR", paragraphs: [
        "The City Council voted 7 to 2 on Tuesday night to rebuild the three oldest piers on the south waterfront, ending nearly a decade of debate over what to do with timber docks that engineers have called unsafe since 2016.",
        "The $48 million plan replaces the wooden decks of Piers 4, 5 and 6 with concrete platforms on steel piles, adds a floating landing for the harbor ferry and widens the public walkway that runs along the water's edge. About two thirds of the money comes from a state resilience grant awarded last fall; the rest will be borrowed through the city's capital program.",
        "\"These piers have been held together with plywood and good intentions for years,\" said Councilmember Dana Whitfield, who represents the harbor district. \"Tonight we finally stopped patching and started building.\"",
        "The two members who voted against the plan, Councilmembers Raymond Cho and Elise Marchetti, said they supported repairing the piers but objected to the cost of the ferry landing, which they argued should wait until ridership figures from the new cross-harbor route are available.",
        "Construction is scheduled to start in June. The harbor walk between Fulton Street and the fish market will close in stages, and the Saturday farmers market will move to the parking lot behind the customs house for the 2025 and 2026 seasons.",
        "Business owners along the waterfront gave the vote a cautious welcome. Luis Ortega, who runs a seafood restaurant at the foot of Pier 5, said he was relieved that the city had settled on a timetable but worried about losing foot traffic during the work. City officials said they would post signs directing visitors to shops that remain open.",
    ]).with {
        $0.headSize = 24; $0.headAlign = .left
        $0.photo = .init(columns: 0..<3, height: 235,
                         caption: "Pier 5 at low tide on Monday. Engineers say many of its timber piles have rotted through. Photo: Jonah Bell",
                         seed: 11)
    }

    static let library = Story(.english, headline: ["Library adds Sunday hours after record sign-ups"],
        byline: "By PETER LINDQVIST", paragraphs: [
        "The Harbor City Public Library will open all five of its branches on Sundays starting in April, after the number of new library cards issued last year rose to the highest level since the system began keeping records in 1988.",
        "Library director Amara Nwosu said 14,200 residents signed up for cards in 2024, an increase of nearly a third over the year before. Much of the growth came from families with young children and from people using the library's free computer classes.",
        "The extra hours will cost about $610,000 a year, paid for by a county grant and by savings from replacing the lights in the central branch. The branches will open from noon to five, and the children's rooms will offer story time at two o'clock.",
        "\"People kept asking us the same question at the front desk,\" Ms. Nwosu said. \"Why are you closed on the one day we are free?\"",
    ]).with {
        $0.headSize = 18; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 150, caption: "Readers at the Eastgate branch, which drew the most new members.", seed: 4)
    }

    static let robots = Story(.english, headline: ["Robotics team heads to national finals"],
        byline: "By GRACE MBEKI", paragraphs: [
        "A team of eleven students from Northside High School has qualified for the national robotics championship in Houston next month, the first time a team from Harbor City has reached the finals.",
        "Their robot, a squat machine nicknamed Barnacle, won the regional tournament on Saturday by stacking plastic crates faster than any of the 42 other entries. The students built it over six weeks in a classroom that doubles as the school's wood shop.",
        "The team still needs to raise about $9,000 for travel. Parents have organized a car wash and a pancake breakfast, and a local engineering firm has offered to match donations.",
    ]).with { $0.headSize = 18; $0.headAlign = .left }

    static let fares = Story(.english, headline: ["Bus fares will stay flat through 2026, transit board says"],
        byline: "By SAMUEL ADEYEMI", paragraphs: [
        "The regional transit board voted on Monday to keep the basic bus fare at $2.25 for at least two more years, reversing a proposal made in January to raise it by a quarter.",
        "Board chair Teresa Valdez said higher than expected sales tax revenue had closed most of the budget gap that prompted the increase. The board will also extend free rides for riders under eighteen through the summer.",
        "Riders who spoke at the meeting welcomed the decision but asked the board to restore the late evening service on the number 12 and number 31 routes, which was cut during the pandemic and never fully returned.",
    ]).with {
        $0.headSize = 18; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 110, caption: "Riders board the number 12 bus on Quay Street.", seed: 9)
    }

    static let market = Story(.english, headline: ["Fish market opens its doors for tours"], paragraphs: [
        "The wholesale fish market on Pier 7 will offer guided tours on the first Saturday of each month, beginning this week. Visitors can watch the early auction from a new gallery above the trading floor. Tours start at six in the morning and are free, but places are limited to thirty people.",
    ]).with { $0.headSize = 14; $0.headAlign = .left }
}
