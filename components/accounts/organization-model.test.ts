import { describe, expect, it } from "vitest";
import { ancestorIds, buildOrganization, subtreeIds } from "./organization-model";

const units = [
  { id: "r-ab12", name: "Root", parentId: null },
  { id: "ou-ab12-prod0001", name: "Production", parentId: "r-ab12" },
  { id: "ou-ab12-web00001", name: "Web", parentId: "ou-ab12-prod0001" },
  { id: "ou-ab12-sand0001", name: "Sandbox", parentId: "r-ab12" },
];

describe("buildOrganization", () => {
  it("nests the OUs and counts the accounts of every subtree", () => {
    const model = buildOrganization(units, ["ou-ab12-web00001", "ou-ab12-prod0001", "ou-ab12-sand0001", null, "ou-gone-00000000"]);
    const [root] = model.roots;
    expect(root?.id).toBe("r-ab12");
    // Accounts without a known OU count under the root.
    expect(root?.count).toBe(5);
    expect(root?.children.map((c) => [c.name, c.count])).toEqual([
      ["Production", 2],
      ["Sandbox", 1],
    ]);
    expect(model.byId.get("ou-ab12-web00001")?.count).toBe(1);
  });

  it("finds subtrees and ancestors", () => {
    const model = buildOrganization(units, []);
    expect([...subtreeIds(model, "ou-ab12-prod0001")].sort()).toEqual(["ou-ab12-prod0001", "ou-ab12-web00001"]);
    expect(ancestorIds(model, "ou-ab12-web00001")).toEqual(["ou-ab12-prod0001", "r-ab12"]);
    expect(subtreeIds(model, "ou-nope").size).toBe(0);
  });

  it("survives a parent cycle and orphans", () => {
    const model = buildOrganization(
      [
        { id: "ou-a", name: "A", parentId: "ou-b" },
        { id: "ou-b", name: "B", parentId: "ou-a" },
        { id: "ou-c", name: "C", parentId: "ou-missing" },
      ],
      ["ou-a", "ou-c"],
    );
    expect(model.roots.map((r) => r.id)).toEqual(["ou-c"]);
    expect(model.unitOf("ou-unknown")).toBeNull();
  });
});
