// SPDX-License-Identifier: MIT
#pragma once

#include "export/ExportFormat.h"
#include "export/ExportOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QToolButton;

namespace mls {

class Diagram;

/// File → Export…: where to, which format (also chosen by typing an extension), the whole
/// diagram or the selection, and for images the scale, background, margin and markers. The
/// choices are remembered (QSettings group "export") for the next export and for Copy as
/// Image / SVG.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p selection: the selected ids (empty: "Selection" is disabled). @p suggestedPath: the
    /// file proposed when no earlier export is remembered (its extension is replaced).
    ExportDialog(Diagram *diagram, const QStringList &selection, const QString &suggestedPath,
                 QWidget *parent = nullptr);

    QString path() const;
    ExportFormat format() const;
    /// The options chosen (selection filled in when "Selection" is checked).
    ExportOptions options() const;

    /// The options remembered from the last export (scale, background, margin, markers).
    static ExportOptions rememberedOptions();

    // For tests and keyboard users: the controls by role.
    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *scaleCombo() const { return m_scale; }
    QComboBox *backgroundCombo() const { return m_background; }
    QSpinBox *marginSpin() const { return m_margin; }
    QCheckBox *markersCheck() const { return m_markers; }
    QRadioButton *selectionRadio() const { return m_selectionOnly; }
    QLabel *sizeLabel() const { return m_size; }

public Q_SLOTS:
    void accept() override;

private:
    void createControls();
    QFormLayout *createForm();
    void browse();
    void formatChosen();
    void pathEdited();
    void updateControls();
    void remember() const;
    void restore(const QString &suggestedPath);

    Diagram *m_diagram;
    QStringList m_selection;
    QRectF m_wholeRect;     ///< drawn bounds of the whole diagram, measured once
    QRectF m_selectionRect; ///< and of the selection
    QLineEdit *m_path = nullptr;
    QToolButton *m_browse = nullptr;
    QComboBox *m_format = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_selectionOnly = nullptr;
    QComboBox *m_scale = nullptr;
    QComboBox *m_background = nullptr;
    QSpinBox *m_margin = nullptr;
    QCheckBox *m_markers = nullptr;
    QCheckBox *m_legend = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace mls
