import GalleyCore

/// The Tribune's Metro page: 5 columns, page header, stacked stories, a jump line ("Continued on A6"),
/// a pull quote, a briefs column and an advertisement.
enum EnMetro {
    static func compose(_ page: PageComposer) throws {
        page.header(paper: "METRO", dateLine: "The Harbor City Tribune  ·  Wednesday, March 19, 2025  ·  A3",
                    paperFont: .init(family: "DejaVu Sans", size: 22, bold: true),
                    dateFont: .init(family: "DejaVu Sans Condensed", size: 8.5), color: EnFront.navy)
        let top = page.contentTop
        let schoolEnd = try page.story(school, span: 0..<4, top: top)
        var y = top
        for brief in briefs {
            y = try page.story(brief, span: 4..<5, top: y) + 10
            page.rule(4..<5, y: y - 5, width: 0.5)
        }
        page.columnRule(before: 4, from: top, to: page.contentBottom)
        page.rule(0..<4, y: schoolEnd + 7, width: 1)
        let bridgeEnd = try page.story(bridge, span: 0..<4, top: schoolEnd + 14)
        page.advertisement(4..<5, top: max(y + 4, page.contentBottom - 260), bottom: page.contentBottom, tint: RGB(r: 1, g: 0.96, b: 0.85), lines: [
            ("Dockside", .init(family: "DejaVu Serif", size: 18, bold: true), .black),
            ("Bakery", .init(family: "DejaVu Serif", size: 18, bold: true), .black),
            ("Fresh bread", .init(family: "DejaVu Sans Condensed", size: 10), .black),
            ("from 6 a.m.", .init(family: "DejaVu Sans Condensed", size: 10), .black),
            ("18 Mill Lane", .init(family: "DejaVu Sans Condensed", size: 10, bold: true), EnFront.navy),
        ])
        page.rule(0..<4, y: bridgeEnd + 7, width: 1)
        try page.story(garden, span: 0..<4, top: bridgeEnd + 14, bottom: page.contentBottom)
        page.folio("A3", font: .init(family: "DejaVu Sans Condensed", size: 8.5))
    }

    static let school = Story(.english, kicker: "EDUCATION", headline: ["School board weighs later start times for high schools"],
        deck: "Parents and teachers split over a plan to begin classes at 8:45", byline: "By HANNAH ROSS", paragraphs: [
        "High school students in Harbor City could sleep nearly an hour longer next year under a proposal the school board will debate on Thursday, which would move the first bell at all six high schools from 7:50 to 8:45 in the morning.",
        "Supporters point to a growing body of research showing that teenagers who start school later sleep more, miss fewer classes and are involved in fewer car accidents. A survey by the district last fall found that two thirds of high school students got less than seven hours of sleep on school nights.",
        "\"We are asking kids to do their hardest thinking at the time of day when their bodies are least ready for it,\" said Dr. Naomi Feld, a pediatrician who served on the committee that drafted the plan.",
        "Opponents worry about the effect on after-school jobs, sports practices and families who rely on older children to look after younger brothers and sisters in the afternoon. The teachers union has asked the board to delay the vote until the bus schedule for elementary schools, which would also shift, has been worked out.",
        "The change would cost about $1.3 million a year, mostly for additional bus drivers, according to district estimates. Superintendent Carlos Mendes said the district could cover the cost by combining several low-ridership routes.",
    ]).with {
        $0.headSize = 22; $0.headAlign = .left; $0.bodyColumns = 4
        $0.photo = .init(columns: 0..<2, height: 170, caption: "Students arrive at Northside High School before the 7:50 bell on Tuesday.", seed: 8)
        $0.pullQuote = .init(text: "\"We are asking kids to think hardest when their bodies are least ready.\"", column: 2, afterLines: 2)
    }

    static let bridge = Story(.english, headline: ["Drawbridge repairs to close Canal Street for six weeks"],
        byline: "By OWEN PATEL", paragraphs: [
        "Canal Street will close to cars between Front Street and Harbor Avenue from April 7 while crews replace the worn gears and electrical controls of the 90-year-old drawbridge, the city's transportation department said on Tuesday.",
        "Pedestrians and cyclists will be able to cross on a temporary walkway on the bridge's east side. Drivers will be sent to the Market Street bridge, where the city will retime traffic lights to handle the extra load.",
        "The bridge has stuck in the open position four times since December, most recently during the evening rush last Thursday, when it left hundreds of drivers waiting for nearly an hour. Transportation commissioner Linda Yoon said the repairs would make such failures far less likely.",
    ]).with {
        $0.headSize = 18; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 200, caption: "The Canal Street drawbridge raised for a sailboat on Tuesday.", seed: 6)
        $0.jump = "Continued on A6"
    }

    static let garden = Story(.english, headline: ["Volunteers plant a garden on a vacant lot"], paragraphs: [
        "Neighbors in the Eastgate district spent Saturday turning a vacant lot on Orchard Street into a community garden, building twelve raised beds from donated lumber and filling them with soil delivered by the parks department.",
        "The lot had been empty since a fire destroyed a corner store there in 2019. Organizer Rosa Delgado said families had already claimed every bed and that a waiting list had started for next year.",
    ]).with {
        $0.headSize = 15; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 190, caption: "Rosa Delgado waters seedlings in one of the new raised beds.", seed: 12)
    }

    static let briefs: [Story] = [
        Story(.english, headline: ["Water main work on Elm"], paragraphs: [
            "Crews will replace a water main under Elm Street between 3rd and 6th avenues starting Monday. Residents may see brief outages during the day.",
        ]),
        Story(.english, headline: ["Museum free on Fridays"], paragraphs: [
            "The Maritime Museum will waive admission on Friday evenings through May, thanks to a gift from a local shipping company.",
        ]),
        Story(.english, headline: ["Lost dog finds its way home"], paragraphs: [
            "Biscuit, a beagle missing for eleven days, turned up on his owners' porch on Sunday, muddy but unhurt, four miles from where he ran off.",
        ]),
        Story(.english, headline: ["Ferry adds early sailing"], paragraphs: [
            "The cross-harbor ferry will add a 5:45 a.m. sailing on weekdays from April 1 for hospital and market workers on the early shift.",
        ]),
        Story(.english, headline: ["Pothole hotline reopens"], paragraphs: [
            "Residents can again report potholes by phone at 555-0199 after the city restored the line, which was cut in last year's budget.",
        ]),
    ].map { $0.with { $0.headSize = 11; $0.headAlign = .left } }
}
