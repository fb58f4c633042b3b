// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Where `Support/link/libcurl.so` lies (see the `beian` target).
let linkFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/link").path

let package = Package(
    name: "Beian",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Beian", targets: ["Beian"]),
        .library(name: "BeianTesting", targets: ["BeianTesting"]),
        .executable(name: "beian", targets: ["beian"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation --target Beian` (the DocC catalog in Sources/Beian/Beian.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The only target that sees ICU's headers. Swift sees a handful of plain-type functions.
        .target(
            name: "CBeianICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // The byte loops of the scanner (anchor search, UTF-8 validation); no ICU.
        .target(name: "CBeianScan"),
        // Streaming inflate for crawl records (WARC, .gz): the system zlib (Debian's zlib1g-dev),
        // whose member-level control gives each gzip member's offset.
        .target(name: "CBeianZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "Beian",
            dependencies: ["CBeianICU", "CBeianScan", "CBeianZlib"],
            exclude: ["Data/generate_area_codes.py", "Data/generate_divisions.py"]
        ),
        // On Linux the Swift runtime and Foundation are linked into the binary: resolving their
        // symbols at every start cost about half of it (`beian --help` 16 → 9 ms). Foundation's
        // networking still loads the system libcurl, named through Support/link.
        .executableTarget(
            name: "beian",
            dependencies: [
                "Beian",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Compiled against the static modules too: they name the libraries they need.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-L", linkFolder], .when(platforms: [.linux]))]
        ),
        // Generators of identifiers, renderings and near-misses for property tests.
        .target(
            name: "BeianTesting",
            dependencies: ["Beian", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // Speed, accuracy and memory, measured: `swift run -c release beian-bench`.
        .executableTarget(
            name: "beian-bench",
            dependencies: ["Beian"],
            exclude: ["rg-pattern.txt"]
        ),
        // Writes Sources/CBeianScan/labels.generated.h from the label table (Labels.swift), with
        // GB18030 and Big5 codes from ICU: `swift run beian-labels Sources/CBeianScan/labels.generated.h`.
        .executableTarget(
            name: "beian-labels",
            dependencies: ["Beian", "CBeianICU", "CBeianScan"]
        ),
        // libFuzzer target; build with -sanitize=fuzzer,address (README, Fuzzing). Without
        // libFuzzer it replays the files it is given.
        .target(name: "CBeianFuzzDriver"),
        .executableTarget(
            name: "beian-fuzz",
            dependencies: ["Beian", "CBeianScan", "CBeianFuzzDriver"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .testTarget(
            name: "BeianTests",
            dependencies: ["Beian", "BeianTesting", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BeianCLITests",
            dependencies: ["Beian"]
        ),
    ]
)
