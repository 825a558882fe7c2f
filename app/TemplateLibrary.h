#pragma once

#include <QString>
#include <QVector>

namespace mls {

/// A reference design shipped inside the binary.
struct TemplateInfo
{
    QString name;  ///< file base name, e.g. "video_recommendation"
    QString title; ///< meta.title
    QString path;  ///< resource path, ":/templates/<name>.mlsketch"
};

/// The built-in templates (resources under ":/templates/").
class TemplateLibrary
{
public:
    static QVector<TemplateInfo> all();
    /// The template with this name, or an empty path when there is none.
    static TemplateInfo find(const QString &name);
};

} // namespace mls
