extension Finding {
    /// The identifier as a footer would print it in each language: the canonical Chinese form,
    /// and an English rendering ("Chongqing ICP Filing No. 20009753-2"); each format type
    /// renders its own (``BeianFormat/display``).
    public var display: Bilingual { Bilingual(zh: canonical, en: details.englishDisplay) }
}
