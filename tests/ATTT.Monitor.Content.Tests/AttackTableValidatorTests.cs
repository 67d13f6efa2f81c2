using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests;

/// <summary>The attack.vi.yml checks catch what they claim to, naming file, line and field.</summary>
public sealed class AttackTableValidatorTests : IDisposable
{
    private const string Valid = """
        tactics:
          credential-access:
            name: Đánh cắp thông tin đăng nhập (Credential Access)
            aliases: [credential_access]
            category: account_compromise
            explanation: Kẻ tấn công lấy cắp mật khẩu.
            what_to_do:
              - Cô lập máy.
        techniques:
          t1003:
            name: Kết xuất thông tin đăng nhập (OS Credential Dumping)
            tactics: [credential-access]
            category: account_compromise
            explanation: Kẻ tấn công đọc mật khẩu từ bộ nhớ.
            what_to_do:
              - Đổi mật khẩu.
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_valid_table_has_no_problems()
    {
        var (table, problems) = Validate(Valid);
        Assert.Empty(problems);
        Assert.Equal("credential-access", table.ResolveTactic("credential_access"));
        Assert.Equal("account_compromise", table.TechniqueCategories["t1003"]);
    }

    [Fact]
    public void A_missing_field_is_named_with_its_entry_and_line()
    {
        var problem = Assert.Single(Validate(Valid.Replace("    explanation: Kẻ tấn công đọc mật khẩu từ bộ nhớ.\n", "", StringComparison.Ordinal)).Problems);
        Assert.Equal("techniques.t1003.explanation", problem.Field);
        Assert.Equal(10, problem.Line);
        Assert.EndsWith("attack.vi.yml", problem.Path, StringComparison.Ordinal);
        Assert.Contains("is missing", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_without_diacritics_is_refused()
    {
        var problem = Assert.Single(Validate(Valid.Replace("- Cô lập máy.", "- Co lap may.", StringComparison.Ordinal)).Problems);
        Assert.Equal("tactics.credential-access.what_to_do[0]", problem.Field);
        Assert.Equal(8, problem.Line);
        Assert.Contains("diacritics", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decomposed_text_is_refused() =>
        Assert.Contains("NFC", Assert.Single(Validate(Valid.Replace("Đổi mật khẩu.", "Đổi mật khẩu.".Normalize(System.Text.NormalizationForm.FormD), StringComparison.Ordinal)).Problems).Reason, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_category_is_refused()
    {
        var problem = Assert.Single(Validate(Valid.Replace("    category: account_compromise\n    explanation: Kẻ tấn công đọc", "    category: password_theft\n    explanation: Kẻ tấn công đọc", StringComparison.Ordinal)).Problems);
        Assert.Equal("techniques.t1003.category", problem.Field);
        Assert.Contains("'password_theft' is not an incident category", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_technique_must_list_tactics_by_their_key()
    {
        var problem = Assert.Single(Validate(Valid.Replace("tactics: [credential-access]", "tactics: [credential_access]", StringComparison.Ordinal)).Problems);
        Assert.Equal("techniques.t1003.tactics", problem.Field);
        Assert.Contains("'credential_access' is not a key under tactics", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_not_ignored()
    {
        var problem = Assert.Single(Validate(Valid.Replace("    what_to_do:\n      - Đổi", "    what_todo:\n      - Đổi", StringComparison.Ordinal)).Problems,
            p => p.Field.EndsWith("what_todo", StringComparison.Ordinal));
        Assert.Contains("is not a known field", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_that_names_two_tactics_is_refused()
    {
        var twoTactics = Valid.Replace("techniques:", """
              discovery:
                name: Dò tìm thông tin (Discovery)
                aliases: [credential_access]
                category: intrusion
                explanation: Kẻ tấn công dò tìm máy.
                what_to_do:
                  - Xem ai chạy lệnh.
            techniques:
            """, StringComparison.Ordinal);
        var problem = Assert.Single(Validate(twoTactics).Problems);
        Assert.Equal("tactics.discovery.aliases", problem.Field);
        Assert.Contains("already names tactic 'credential-access'", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  T1003:")]
    [InlineData("  t10003:")]
    public void A_technique_key_must_be_a_lower_case_id(string key) =>
        Assert.Contains(Validate(Valid.Replace("  t1003:", key, StringComparison.Ordinal)).Problems, p => p.Reason.Contains("lower-case ATT&CK id", StringComparison.Ordinal));

    [Fact]
    public void Broken_YAML_is_reported_with_its_line()
    {
        var problem = Assert.Single(Validate(Valid.Replace("tactics: [credential-access]", "tactics: [credential-access", StringComparison.Ordinal)).Problems);
        Assert.Equal("(file)", problem.Field);
        Assert.InRange(problem.Line, 12, 16);
    }

    [Fact]
    public void An_entry_written_twice_is_reported() =>
        Assert.Contains("not valid YAML", Assert.Single(Validate(Valid + "\n  t1003:\n    name: Lần hai\n").Problems).Reason, StringComparison.Ordinal);

    private (AttackTable Table, List<ContentProblem> Problems) Validate(string yaml) =>
        AttackTableValidator.Validate(_folder.Write("attack.vi.yml", yaml.ReplaceLineEndings("\n")));
}
