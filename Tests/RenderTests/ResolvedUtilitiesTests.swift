import Testing
@testable import Render

struct ResolvedUtilitiesTests {
    @Test(arguments: ["p-4", "md:p-4", "text-sm", "not-a-utility", "-mt-2", "md:p-4"])
    func keptUtilitiesMatchTheResolver(name: String) {
        for width in [600.0, 1200.0, 600.0] {
            let resolver = TailwindResolver(viewportWidth: width)
            #expect(ResolvedUtilities.utility(for: name, resolver: resolver) == resolver.utility(for: name), "\(name) at \(width)")
        }
    }

    @Test func breakpointsStillDependOnTheViewport() {
        #expect(ResolvedUtilities.utility(for: "md:p-4", resolver: TailwindResolver(viewportWidth: 1200)) != nil)
        #expect(ResolvedUtilities.utility(for: "md:p-4", resolver: TailwindResolver(viewportWidth: 500)) == nil)
    }
}
