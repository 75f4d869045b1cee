import Testing
@testable import Render

/// Gradient layers with a `background-size`: an image without intrinsic size, tiled and placed
/// like any other background image.
struct GradientTileTests {
    private let box = Rect(x: 10, y: 20, width: 260, height: 180)

    @Test func autoSizeFillsTheBoxAsBefore() {
        #expect(Painter.gradientTiles(size: .size(nil, nil), position: PositionValue(x: .percent(0), y: .percent(0)),
                                      tiling: BackgroundRepeat(x: true, y: true), origin: box, clip: box) == nil)
        #expect(Painter.gradientTiles(size: .cover, position: .center, tiling: BackgroundRepeat(x: true, y: true),
                                      origin: box, clip: box) == nil)
    }

    @Test func oneSideGivenTakesTheAreaForTheOther() throws {
        // `background-size: 40px; background-position: right bottom; background-repeat: no-repeat`.
        let tiles = try #require(Painter.gradientTiles(size: .size(.value(px: 40, percent: 0), nil),
                                                       position: PositionValue(x: .percent(100), y: .percent(100)),
                                                       tiling: BackgroundRepeat(x: false, y: false), origin: box, clip: box))
        #expect(tiles == [Rect(x: 230, y: 20, width: 40, height: 180)])
    }

    @Test func repeatingTilesCoverTheBoxFromThePlacedOne() throws {
        let tiles = try #require(Painter.gradientTiles(size: .size(.value(px: 100, percent: 0), .value(px: 0, percent: 50)),
                                                       position: PositionValue(x: .value(px: 30, percent: 0), y: .percent(0)),
                                                       tiling: BackgroundRepeat(x: true, y: false), origin: box, clip: box))
        // x: the tile at 40 and its neighbours back to before 10 and on past 270.
        #expect(tiles.map(\.x) == [-60, 40, 140, 240])
        #expect(tiles.allSatisfy { $0.y == 20 && $0.height == 90 })
    }

    @Test func aTileTooSmallToCountDrawsNothing() throws {
        let tiles = try #require(Painter.gradientTiles(size: .size(.value(px: 0.01, percent: 0), .value(px: 0.01, percent: 0)),
                                                       position: PositionValue(x: .percent(0), y: .percent(0)),
                                                       tiling: BackgroundRepeat(x: true, y: true), origin: box, clip: box))
        #expect(tiles.isEmpty)
    }
}
