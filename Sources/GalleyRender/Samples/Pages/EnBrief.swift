import GalleyCore

/// The Millbrook Courier's Community page: 4 columns, page header, a lead story with its headline across
/// three columns, deck, byline, photo and pull quote; a column of short briefs under a standing head; a
/// story with a photo, a boxed story in two columns and an advertisement under it.
enum EnBrief {
    static let green = RGB(r: 0.05, g: 0.3, b: 0.2)

    static func compose(_ page: PageComposer) throws {
        page.header(paper: "COMMUNITY", dateLine: "The Millbrook Courier  ·  Thursday, May 8, 2025  ·  B2",
                    paperFont: .init(family: "DejaVu Sans", size: 22, bold: true),
                    dateFont: .init(family: "DejaVu Sans Condensed", size: 8.5), color: green)
        let top = page.contentTop
        let millEnd = try page.story(mill, span: 0..<3, top: top)

        // The briefs column: a standing head, then one brief under another, thin rules between.
        let (bx0, bx1) = page.spanX(3..<4)
        page.sketch.fill(Rect(x0: bx0, y0: top, x1: bx1, y1: top + 20), color: green)
        page.furnitureText("AROUND TOWN", role: .other, x: bx0 + 6, y: top + 3,
                           font: .init(family: "DejaVu Sans", size: 11, bold: true), color: RGB(r: 1, g: 1, b: 1))
        var y = top + 28
        for (i, brief) in briefs.enumerated() {
            y = try page.story(brief, span: 3..<4, top: y) + 10
            if i + 1 < briefs.count { page.rule(3..<4, y: y - 5, width: 0.5) }
        }
        let row2 = max(millEnd, y - 10) + 14
        page.columnRule(before: 3, from: top, to: row2 - 7)
        page.rule(0..<4, y: row2 - 7, width: 1)
        try page.story(creek, span: 0..<2, top: row2, bottom: page.contentBottom)
        let meetingEnd = try page.story(meeting, span: 2..<4, top: row2)
        let adTop = meetingEnd + 12
        page.advertisement(2..<4, top: adTop, bottom: page.contentBottom, tint: RGB(r: 0.95, g: 0.98, b: 0.93), lines: [
            ("Millbrook Hardware", .init(family: "DejaVu Serif", size: 17, bold: true), green),
            ("GARDEN DAYS", .init(family: "DejaVu Sans", size: 24, bold: true), .black),
            ("Seeds, soil and tools 20% off", .init(family: "DejaVu Sans Condensed", size: 11), .black),
            ("Saturday and Sunday only", .init(family: "DejaVu Sans Condensed", size: 11), .black),
            ("57 Main Street · 555-0128", .init(family: "DejaVu Sans Condensed", size: 10, bold: true), green),
        ])
        page.folio("B2", font: .init(family: "DejaVu Sans Condensed", size: 8.5))
    }

    static let mill = Story(.english, headline: ["Old textile mill reopens as a home for makers and small shops"],
        deck: "After twelve years behind a fence, the brick mill on Water Street has 38 tenants and a waiting list",
        byline: "By ELENA VASQUEZ", paragraphs: [
        "For most of the last twelve years, the brick textile mill on Water Street was the building people in Millbrook drove past without looking at. Its windows were boarded, its loading docks were overgrown, and a chain-link fence kept out everyone but the pigeons.",
        "On Saturday, more than two thousand people walked through its doors. The mill reopened as the Water Street Works, a collection of 38 workshops, studios and small stores spread over three floors, with a bakery and a bicycle repair shop on the ground level and a woodworking shop in the old dye house.",
        "\"I grew up hearing the looms from my grandmother's kitchen,\" said Patricia Gallo, 71, who worked in the mill's shipping office until it closed in 1994. \"I never thought I would hear anything in there again. Today I heard a table saw and a fiddle, and that will do.\"",
        "The project cost $21 million and took four years. A nonprofit development group, Millbrook Commons, bought the building from the county for one dollar in 2021 on the condition that it be restored rather than torn down. Most of the money came from historic preservation tax credits, a state grant for cleaning up polluted industrial land and a loan from a regional community bank.",
        "Cleaning up the site was the slowest part. Workers removed hundreds of tons of contaminated soil from around the former dye house and replaced a roof that had partly collapsed during a storm in 2017. The original maple floors, tall windows and iron columns were kept wherever possible.",
        "Rents are set below the market rate for the first five years, which organizers say was the main reason the building filled so quickly. Tenants include a ceramics studio, a printmaker, two furniture makers, a tailor, a small coffee roaster and a nonprofit that teaches welding to adults looking for a new trade. Thirty more applicants are on a waiting list.",
        "Not everyone has welcomed the change. Some residents of the nearby Canal Row neighborhood have complained about traffic and parking on narrow streets that were built for mill workers who walked to their jobs. The town has agreed to study a new crosswalk and a small parking lot on Ferry Lane.",
        "Mayor Denise Hollister, who cut the ribbon on Saturday, said the mill would bring about 120 jobs to the downtown and could draw visitors who now pass through on their way to the lakes. \"This building made Millbrook once,\" she said. \"It may well do it again.\"",
    ]).with {
        $0.headSize = 26; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 210,
                         caption: "Visitors fill the second floor of the Water Street Works on Saturday, the first day the mill has been open since 1994. Photo: Sam Whitcomb",
                         seed: 17)
        $0.pullQuote = .init(text: "\"I never thought I would hear anything in there again.\"", column: 2, afterLines: 6)
    }

    static let briefs: [Story] = [
        Story(.english, headline: ["Pool opens May 24"], paragraphs: [
            "The municipal pool at Linden Park will open for the season on Saturday, May 24, a week earlier than last year. Lifeguards are still being hired; applicants must be 16 and can sign up at the recreation office on Main Street. Season passes go on sale May 12 and cost $60 for residents.",
        ]),
        Story(.english, headline: ["Night paving on Route 9"], paragraphs: [
            "Overnight paving on Route 9 between Elm Street and the county line begins Monday and should last two weeks. One lane will stay open in each direction from 8 p.m. to 5 a.m. Drivers heading to the hospital are asked to use Orchard Road instead.",
        ]),
        Story(.english, headline: ["Library book sale"], paragraphs: [
            "The Friends of the Millbrook Library will hold their spring book sale Friday and Saturday in the community room. Hardcovers are $1, paperbacks 50 cents, and a bag of books costs $5 on Saturday afternoon.",
        ]),
        Story(.english, headline: ["Scouts fill food pantry"], paragraphs: [
            "Cub Scout Pack 212 collected 1,840 pounds of canned goods for the Millbrook Food Pantry during its May drive, the largest total in the pack's history. The scouts collected door to door on four Saturdays and sorted the cans themselves.",
        ]),
        Story(.english, headline: ["Hydrant flushing"], paragraphs: [
            "The water department will flush hydrants in the north end next week. Residents may notice discolored water for a short time and should run the cold tap until it clears.",
        ]),
    ].map { $0.with { $0.headSize = 11; $0.headAlign = .left } }

    static let creek = Story(.english, headline: ["Eighth graders plant 300 trees along Mill Creek"],
        byline: "By THOMAS REILLY", paragraphs: [
        "Students from Millbrook Middle School spent Tuesday morning on the muddy banks of Mill Creek, planting 300 young trees where a stand of ash trees killed by an invasive beetle was cut down last winter.",
        "The saplings, mostly silver maple, river birch and sycamore, were donated by the county conservation district. Each group of students was given a stretch of bank, a shovel and a bundle of trees wrapped in wet burlap.",
        "Science teacher Lauren Whitaker said the class had studied the creek since September, testing its water every two weeks and counting the insects that live under its stones. \"They have the numbers to show the creek is warming,\" she said. \"Shade from these trees is one of the few things that can help.\"",
        "Mill Creek runs for about six miles from the hills north of town to the river, passing behind the middle school, two farms and the old mill. Its banks lost most of their shade when the ash trees died, and on hot days in August the water behind the school has reached 79 degrees, too warm for the brook trout that once lived there.",
        "Several parents came along to help, and a crew from the town's public works department brought a truck of wood chips to spread around each tree. By noon the students had planted every sapling and marked each one with a small orange flag so that mowers would steer around them.",
        "The conservation district will water the trees through the summer, and the students plan to return in the fall to measure how many survived.",
    ]).with {
        $0.headSize = 18; $0.headAlign = .left
        $0.photo = .init(columns: 0..<2, height: 170, caption: "Students carry saplings down to the creek bank behind the middle school on Tuesday.", seed: 21)
    }

    static let meeting = Story(.english, headline: ["Town meeting Monday: what is on the agenda"], paragraphs: [
        "The annual town meeting opens at 7 p.m. Monday in the high school auditorium. Any registered voter in Millbrook may attend, speak and vote.",
        "The largest item is the $38.6 million budget for the year that starts July 1, an increase of 3.1 percent. Most of the increase goes to the schools, where the cost of special education transportation has nearly doubled in three years.",
        "Voters will also decide whether to spend $450,000 from the town's savings on a new ladder truck for the fire department, and whether to allow outdoor dining on the sidewalks of Main Street from April through October.",
        "Child care will be provided in the school library for children aged 3 to 10. Residents who need a ride can call the council on aging at 555-0171 by Friday.",
    ]).with { $0.headSize = 16; $0.headAlign = .left; $0.boxed = true }
}
