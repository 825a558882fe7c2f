// SPDX-License-Identifier: MIT
#pragma once

#include "ElementReader.h"
#include "JsonBuilder.h"
#include "ReadError.h"

#include <memory>

namespace mls {

/// Walks the parsed JSON into a Diagram, checking every field against the format.
///
/// The elements of components, connections and zones arrive while the file is parsed
/// (ElementSink) and are converted at once when every section converted before them is
/// complete, so the result, and the first error reported, are those of converting the whole
/// tree in the format's order: the checks of the top level (format, version, meta, the arrays'
/// types and sizes) come first, so an element's error is kept until they have passed, and no
/// element is converted after it. A section that comes too early in the file (connections
/// before components) stays in the tree and is converted at the end. Everything else at the
/// top level stays in the tree for finish(): a new top-level section is one more branch there.
class SectionReader final : public ElementSink
{
public:
    SectionReader(const ReadLimits &limits, QStringList &warnings, Diagram &d);

    bool sectionOpened(Section s) override;
    void sectionClosed(Section s) override { m_complete[s] = m_streamed[s]; }
    bool element(Section s, size_t index, Json &v) override;

    /// Checks the top level of @p root, reports the first error found while parsing, and
    /// converts what was not converted while parsing.
    void finish(Json &root);

private:
    int cap(Section s) const;
    void convert(Section s, size_t i, Json &v);
    void noteGroupId(const Json &g);
    void checkFormat(const Json &root);
    /// The array of section @p s (an empty one when absent), checked as the format says;
    /// a section converted while parsing is checked by the number of elements it had.
    Json &arrayField(Json &root, Section s);
    /// The top-level "notes" array (an empty one when absent): not a streamed section, notes are
    /// few and read from the tree after every component, connection and zone is in.
    const Json &notesField(const Json &root) const;

    const ReadLimits &m_limits;
    Diagram &m_d;
    ElementReader m_elements;
    bool m_streamed[SectionCount] = {};           ///< converted while parsing
    bool m_complete[SectionCount] = {};           ///< converted while parsing, and closed
    size_t m_count[SectionCount] = {};            ///< elements of a section converted while parsing
    std::unique_ptr<ReadError> m_deferred;        ///< the first error found while parsing
    std::unique_ptr<QString> m_deferredReference; ///< its id, when it is a reference's
};

} // namespace mls
