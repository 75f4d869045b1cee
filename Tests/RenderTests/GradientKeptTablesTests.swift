import Testing
@testable import Render

/// Gradient tables are kept between renders (`LinearGradientShader.keptTables`); a kept table must
/// be the one sampling would give.
struct GradientKeptTablesTests {
    private static let stops = [GradientStop(color: Color(red: 0.06, green: 0.09, blue: 0.16), position: 0),
                                GradientStop(color: Color(red: 0.12, green: 0.11, blue: 0.29, alpha: 0.5), position: 0.6),
                                GradientStop(color: Color(red: 0.19, green: 0.18, blue: 0.51), position: 1)]

    @Test func keptTablesAreTheSampledOnes() {
        let cache = SharedMemo<LinearGradientShader.TableKey, [UInt32]>(capacity: 4)
        var samplings = 0
        func lookUp(_ stops: [GradientStop], _ size: Int) -> [UInt32] {
            cache.value(for: .init(stops: stops, size: size)) {
                samplings += 1
                return LinearGradientShader.sampleTable(stops: stops, size: size)
            }
        }
        let first = lookUp(Self.stops, 2589)
        #expect(first == LinearGradientShader.sampleTable(stops: Self.stops, size: 2589))
        #expect(lookUp(Self.stops, 2589) == first)
        #expect(samplings == 1)
        // Another size or another color is another table.
        #expect(lookUp(Self.stops, 300).count == 300)
        var recolored = Self.stops
        recolored[1].color.alpha = 1
        #expect(lookUp(recolored, 2589) != first)
        #expect(samplings == 3)
    }

    @Test func capacityBoundsTheTablesKept() {
        let cache = SharedMemo<LinearGradientShader.TableKey, [UInt32]>(capacity: 4)
        for size in 2..<40 {
            _ = cache.value(for: .init(stops: Self.stops, size: size)) { LinearGradientShader.sampleTable(stops: Self.stops, size: size) }
            #expect(cache.count <= 4)
        }
        #expect(cache.count >= 1)
    }

    /// Omitted positions (NaN) take their neighbours' and still give the right table every time.
    @Test func stopsWithoutPositionsStillSample() {
        let cache = SharedMemo<LinearGradientShader.TableKey, [UInt32]>(capacity: 4)
        let open = [GradientStop(color: .black, position: 0), GradientStop(color: .white, position: .nan),
                    GradientStop(color: .black, position: 1)]
        let expected = LinearGradientShader.sampleTable(stops: open, size: 256)
        for _ in 0..<6 {
            #expect(cache.value(for: .init(stops: open, size: 256)) { LinearGradientShader.sampleTable(stops: open, size: 256) } == expected)
        }
        #expect(cache.count <= 4)
    }
}
